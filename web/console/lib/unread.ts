/** The department's unread notification count, for the badge: polled politely while the tab is visible. */
import { signal } from '@preact/signals';
import { api } from '../../shared/api/client';
import { session } from '../../shared/auth/session';

export const unread = signal(0);
const POLL_MS = 60_000;

export async function refreshUnread() {
  const s = session.value;
  if (!s || s.role !== 'staff' || !s.departmentId) return;
  let n = 0;
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data } = await api.GET('/v1/departments/{id}/notifications', { params: { path: { id: s.departmentId }, query: { unread: 'true', limit: 100, ...(cursor ? { cursor } : {}) } } });
    if (!data) return;
    n += data.items.length;
    cursor = data.nextCursor ?? undefined;
  } while (cursor && ++pages < 5);
  unread.value = n;
}

export function watchUnread(): () => void {
  void refreshUnread();
  const tick = () => document.visibilityState === 'visible' && void refreshUnread();
  const timer = setInterval(tick, POLL_MS);
  document.addEventListener('visibilitychange', tick);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', tick);
  };
}
