/** The department's notifications (new work, citizens' replies, overdue, escalations), newest first; marking one read marks it for the unit. */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt } from '../../shared/i18n/index';
import { t } from '../messages';
import { departmentName } from '../lib/reference';
import { refreshUnread } from '../lib/unread';

type Item = Schemas['Notification'];

export function Notifications() {
  const s = session.value!;
  const unit = s.departmentId ?? '';
  const [items, setItems] = useState<Item[] | undefined>();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const load = async () => {
    const { data, error: e } = await api.GET('/v1/departments/{id}/notifications', { params: { path: { id: unit }, query: { limit: 100, ...(unreadOnly ? { unread: 'true' as const } : {}) } } });
    if (e) setError(problemText(e));
    else setItems(data.items);
  };

  useEffect(() => void load(), [unit, unreadOnly]);

  const markRead = async (item: Item) => {
    const { data, error: e } = await api.POST('/v1/departments/{id}/notifications/{notificationId}/read', { params: { path: { id: unit, notificationId: item.id } } });
    if (e) return setError(problemText(e));
    setItems((list) => (unreadOnly ? list?.filter((i) => i.id !== item.id) : list?.map((i) => (i.id === item.id ? data : i))));
    void refreshUnread();
  };

  return (
    <section aria-labelledby="notif-h">
      <h1 id="notif-h">{t('notifications.title', { unit: departmentName(unit) })}</h1>
      <p>
        <label class="inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} /> {t('notifications.unreadOnly')}
        </label>
      </p>
      {error && <p role="alert" class="error">{error}</p>}
      {!items && <p>{t('dash.loading')}</p>}
      {items?.length === 0 && <p>{t('notifications.empty')}</p>}
      <ul class="notifications">
        {items?.map((n) => (
          <li key={n.id} class={`card ${n.read ? 'read' : 'unread'}`}>
            <p class="event-head">
              <strong>{n.title}</strong>
              {!n.read && <span class="chip unread-chip">{t('notifications.unread')}</span>}
              <span class="hint"> · <time dateTime={n.at}>{fmt.dateTime(n.at)}</time></span>
            </p>
            <p>{n.body}</p>
            <p class="row-actions">
              <a href={`/console/tickets/${n.ticketId}`}>{t('notifications.open')}</a>
              {!n.read && <button type="button" onClick={() => void markRead(n)}>{t('notifications.markRead')}</button>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
