/** My reports: what is waiting on the phone, then the caller's tickets with status, reference, unit and deadline. */
import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt, localName } from '../../shared/i18n/index';
import { departments } from '../lib/reference';
import { networkFirst } from '../lib/store';
import { t } from '../messages';
import { Loading, NeedSignIn, OutboxPanel, StatusChip, useLoad } from '../ui';

type Ticket = Schemas['Ticket'];
// A deadline means something only while the unit still owes an answer.
const open = new Set<Ticket['status']>(['assigned', 'in_progress', 'needs_info']);

export function MyReports() {
  const [more, setMore] = useState<{ items: Ticket[]; cursor: string | null }>({ items: [], cursor: null });
  const list = useLoad(() => networkFirst('me.tickets', () => api.GET('/v1/me/tickets', { params: { query: { limit: 20 } } })), [session.value?.sub]);
  const units = useLoad(departments, []);
  if (!session.value) return <NeedSignIn />;
  const unitName = (id: string) => {
    const u = units.value?.find((d) => d.id === id);
    return u ? localName(u.name) : id;
  };
  const page = list.value?.value;
  const items = [...(page?.items ?? []), ...more.items];
  const cursor = more.cursor ?? (more.items.length ? null : page?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    const { data } = await api.GET('/v1/me/tickets', { params: { query: { limit: 20, cursor } } });
    if (data) setMore({ items: [...more.items, ...data.items], cursor: data.nextCursor ?? null });
  };
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <OutboxPanel />
      {list.value?.stale && <p class="hint" role="status">{t('stale')}</p>}
      {!page ? (
        <Loading error={list.error} />
      ) : items.length === 0 ? (
        <p>{t('mine.empty')}</p>
      ) : (
        <ul class="tickets">
          {items.map((ticket) => (
            <li key={ticket.id} class="card ticket-row">
              <a href={`/reports/${ticket.id}`}>{ticket.title ?? ticket.description.slice(0, 80)}</a>
              <div class="meta">
                <StatusChip status={ticket.status} />
                <span class="ref">{ticket.ref}</span>
              </div>
              <div class="hint">{unitName(ticket.departmentId)}{open.has(ticket.status) ? ` · ${t('mine.due', { when: fmt.dateTime(ticket.dueAt) })}` : ''}</div>
            </li>
          ))}
        </ul>
      )}
      {cursor && <button type="button" onClick={() => void loadMore()}>{t('mine.more')}</button>}
    </>
  );
}
