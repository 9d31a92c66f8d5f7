/**
 * One ticket as staff work it: what was reported, where, by whom (as the API allows), the
 * deadlines, the whole history with internal notes, and the actions the ticket's state allows.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, problemText } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt } from '../../shared/i18n/index';
import { movesText, t, type MessageKey } from '../messages';
import { eventText, severityText, statusText, type Ticket } from '../lib/labels';
import { reference } from '../lib/reference-id';
import type { TicketEvent } from '../lib/conflict';
import { allPages } from '../../shared/api/pages';
import { categories, categoryName, departmentName, wardName } from '../lib/reference';
import { ActionPanel } from './ActionPanel';
import { DuplicateOf } from './DuplicateOf';
import { Photos } from './Photos';

export const loadHistory = (id: string): Promise<TicketEvent[]> =>
  allPages((cursor) => api.GET('/v1/tickets/{id}/history', { params: { path: { id }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));

export async function loadTicket(id: string): Promise<Ticket> {
  const { data, error } = await api.GET('/v1/tickets/{id}', { params: { path: { id } } });
  if (error) throw error;
  return data;
}

export function TicketPanel({ id }: { id: string }) {
  const [ticket, setTicket] = useState<Ticket | undefined>();
  const [history, setHistory] = useState<TicketEvent[]>([]);
  const [error, setError] = useState<string | undefined>();

  const reload = async () => {
    try {
      const [tk, h] = await Promise.all([loadTicket(id), loadHistory(id)]);
      setTicket(tk);
      setHistory(h);
      setError(undefined);
      return { ticket: tk, history: h };
    } catch (e) {
      setError((e as { status?: number }).status === 404 ? t('ticket.notFound') : problemText(e));
      return undefined;
    }
  };

  useEffect(() => {
    setTicket(undefined);
    void reload();
  }, [id]);

  if (error && !ticket) return <p role="alert" class="error">{error}</p>;
  if (!ticket) return <p aria-live="polite">{t('dash.loading')}</p>;

  const s = session.value!;
  const canAct = (s.role === 'staff' && s.departmentId === ticket.departmentId) || s.role === 'admin';
  const category = categories.value.find((c) => c.code === ticket.category);
  const ref = reference(ticket);

  return (
    <article class="ticket" aria-labelledby="ticket-title">
      <p><a href="/console/queue">{t('ticket.back')}</a></p>
      <header class="ticket-head">
        <h1 id="ticket-title">{t('ticket.title', { id: ref })}{ticket.title ? ` · ${ticket.title}` : ''}</h1>
        <p class="chips">
          <span class="chip">{statusText(ticket.status)}</span>{' '}
          <span class={`chip sev-${ticket.severity}`}>{severityText(ticket.severity)}</span>{' '}
          <span class="chip">{categoryName(ticket.category)}</span>{' '}
          <span class="chip">{t(`ticket.visibility.${ticket.visibility}` as MessageKey)}</span>
        </p>
        <p class="hint">{ticket.id} · {t('ticket.version', { v: ticket.version })}</p>
      </header>

      <div class="ticket-grid">
        <div class="ticket-main">
          <section class="card" aria-labelledby="desc-h">
            <h2 id="desc-h">{t('ticket.description')}</h2>
            <p class="prewrap">{ticket.description}</p>
            <Photos photos={ticket.photos} label={t('ticket.photos')} />
          </section>

          {ticket.response && (
            <section class="card" aria-labelledby="resp-h">
              <h2 id="resp-h">{t('ticket.response')}</h2>
              <p class="prewrap">{ticket.response.message}</p>
              <Photos photos={ticket.response.photos} label={t('ticket.evidence')} />
              <p class="hint">{departmentName(ticket.response.departmentId)} · {fmt.dateTime(ticket.response.at)}</p>
            </section>
          )}
          {ticket.rejection && (
            <section class="card" aria-labelledby="rej-h">
              <h2 id="rej-h">{t('ticket.rejection')}</h2>
              {ticket.rejection.duplicateOf ? <DuplicateOf id={ticket.rejection.duplicateOf} recordedRef={ticket.rejection.duplicateOfRef} /> : <p>{t(`reject.${ticket.rejection.reasonCode}` as MessageKey)}</p>}
              <p class="prewrap">{ticket.rejection.message}</p>
            </section>
          )}
          {ticket.rating && (
            <section class="card" aria-labelledby="rate-h">
              <h2 id="rate-h">{t('ticket.rating')}</h2>
              <p>{ticket.rating.value}{ticket.rating.comment ? `: ${ticket.rating.comment}` : ''}</p>
            </section>
          )}

          <section class="card" aria-labelledby="actions-h">
            <h2 id="actions-h">{t('ticket.actions')}</h2>
            {canAct ? (
              <ActionPanel ticket={ticket} category={category} reload={reload} onUpdated={(tk, h) => { setTicket(tk); setHistory(h); }} />
            ) : (
              <p>{t('ticket.readOnly')}</p>
            )}
          </section>

          <section class="card" aria-labelledby="hist-h">
            <h2 id="hist-h">{t('ticket.history')}</h2>
            <ol class="history">
              {history.map((e) => (
                <li key={e.eventId} class={e.visibility === 'internal' ? 'internal' : ''}>
                  <p class="event-head">
                    <strong>{eventText(e.type)}</strong>
                    {e.visibility === 'internal' && <span class="chip internal-chip">{t('ticket.internal')}</span>}
                    <span class="hint"> · {t(`actor.${e.actor.role}` as MessageKey)} · <time dateTime={e.at}>{fmt.dateTime(e.at)}</time></span>
                  </p>
                  <EventDetail event={e} />
                  <Photos photos={e.photos} label={eventText(e.type)} />
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside class="ticket-side">
          <section class="card" aria-labelledby="dl-h">
            <h2 id="dl-h">{t('ticket.deadlines')}</h2>
            <dl>
              <dt>{t('ticket.assignee')}</dt>
              <dd>{ticket.assignee ? (ticket.assignee.name ?? ticket.assignee.userId) : t('ticket.unassigned')}</dd>
              <dt>{t('ticket.ackDue')}</dt>
              <dd class={ticket.ackOverdue ? 'overdue' : ''}><time dateTime={ticket.ackDueAt}>{fmt.dateTime(ticket.ackDueAt)}</time></dd>
              <dt>{t('ticket.due')}</dt>
              <dd class={ticket.overdue ? 'overdue' : ''}><time dateTime={ticket.dueAt}>{fmt.dateTime(ticket.dueAt)}</time> ({fmt.relative(ticket.dueAt)})</dd>
              {ticket.escalateAt && <><dt>{t('ticket.escalate')}</dt><dd>{fmt.dateTime(ticket.escalateAt)}</dd></>}
              <dt>{t('ticket.department')}</dt>
              <dd>{departmentName(ticket.departmentId)}</dd>
              <dt>{t('queue.col.moves')}</dt>
              <dd>{movesText(ticket.transferCount, ticket.reopenCount)}</dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="loc-h">
            <h2 id="loc-h">{t('ticket.location')}</h2>
            <p>{ticket.location.address ? `${ticket.location.address}, ` : ''}{wardName(ticket.location.wardCode)}</p>
            {ticket.location.lat !== undefined && ticket.location.lng !== undefined && (
              <p><a href={`https://www.openstreetmap.org/?mlat=${ticket.location.lat}&mlon=${ticket.location.lng}#map=18/${ticket.location.lat}/${ticket.location.lng}`} rel="noopener noreferrer" target="_blank">{t('ticket.map')}</a></p>
            )}
          </section>
          <section class="card" aria-labelledby="contact-h">
            <h2 id="contact-h">{t('ticket.contact')}</h2>
            {ticket.citizenName || ticket.citizenPhone || ticket.citizenEmail ? (
              <p>
                {ticket.citizenName}
                {ticket.citizenPhone && <><br /><a href={`tel:${ticket.citizenPhone}`}>{ticket.citizenPhone}</a></>}
                {ticket.citizenEmail && <><br /><a href={`mailto:${ticket.citizenEmail}`}>{ticket.citizenEmail}</a></>}
              </p>
            ) : (
              <p class="hint">{t('ticket.contactHidden')}</p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}

function EventDetail({ event }: { event: TicketEvent }) {
  const d = event.data as Record<string, unknown>;
  const lines: string[] = [];
  if (typeof d.message === 'string') lines.push(d.message);
  if (event.type === 'transferred' && typeof d.from === 'string' && typeof d.to === 'string') lines.push(`${departmentName(d.from)} → ${departmentName(d.to)}`);
  if (typeof d.reason === 'string') lines.push(d.reason);
  if (typeof d.from === 'string' && typeof d.to === 'string' && event.type === 'severity_changed') lines.push(`${severityText(d.from as Ticket['severity'])} → ${severityText(d.to as Ticket['severity'])}`);
  if (typeof d.reasonCode === 'string') lines.push(t(`reject.${d.reasonCode}` as MessageKey));
  if (lines.length === 0) return null;
  return <p class="prewrap">{lines.join('\n')}</p>;
}
