/** The unread count the header's badge shows: fetched on start, on focus, every minute, and after the inbox changes. */
import { signal } from '@preact/signals';
import { api } from '../../shared/api/client';
import { session } from '../../shared/auth/session';

export const unread = signal(0);

export async function refreshUnread() {
  if (!session.value || session.value.role !== 'citizen' || navigator.onLine === false) return;
  try {
    const { data } = await api.GET('/v1/me/notifications', { params: { query: { unread: 'true', limit: 100 } } });
    if (data) unread.value = data.items.length;
  } catch {
    /* offline: keep the last count */
  }
}

export function startUnread() {
  void refreshUnread();
  window.addEventListener('focus', () => void refreshUnread());
  setInterval(() => void refreshUnread(), 60_000);
}
