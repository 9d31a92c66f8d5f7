/** The in-app inbox: newest first, unread marked; opening one marks it read. Loaded again when the app regains focus, as the badge is. */
import { api, problemText, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt } from '../../shared/i18n/index';
import { networkFirst } from '../lib/store';
import { refreshUnread } from '../lib/unread';
import { t } from '../messages';
import { Loading, NeedSignIn, useLoad } from '../ui';
import { useEffect, useState } from 'preact/hooks';

type Notification = Schemas['Notification'];

export function Inbox() {
  const list = useLoad(() => networkFirst('me.inbox', () => api.GET('/v1/me/notifications', { params: { query: { limit: 50 } } })), [session.value?.sub]);
  const [read, setRead] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | undefined>();
  const { reload } = list;
  useEffect(() => {
    // A phone app is left open for days: coming back to it should show what arrived meanwhile.
    const again = () => document.visibilityState === 'visible' && reload();
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, []);
  if (!session.value) return <NeedSignIn />;
  const markRead = async (n: Notification) => {
    const { error: e } = await api.POST('/v1/me/notifications/{id}/read', { params: { path: { id: n.id } } });
    if (e) return setError(problemText(e));
    setRead((r) => ({ ...r, [n.id]: true }));
    void refreshUnread();
  };
  const items = list.value?.value.items;
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p><a href="/settings">{t('inbox.settings')}</a></p>
      {list.value?.stale && <p class="hint" role="status">{t('stale')}</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {!items ? (
        <Loading error={list.error} />
      ) : !items.length ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <ul class="inbox">
          {items.map((n) => {
            const isRead = n.read || read[n.id];
            return (
              <li key={n.id} class={`card${isRead ? '' : ' unread'}`} data-notification={n.type}>
                <h2>{!isRead && <span class="chip">{t('inbox.unread')}</span>} {n.title}</h2>
                <p>{n.body}</p>
                <p class="hint">{fmt.dateTime(n.at)}</p>
                <p class="row">
                  <a href={`/reports/${n.ticketId}`} onClick={() => void (!isRead && markRead(n))}>{t('inbox.open')}</a>
                  {!isRead && <button type="button" onClick={() => void markRead(n)}>{t('inbox.markRead')}</button>}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
