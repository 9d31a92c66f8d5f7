/**
 * One report: status, deadline, the citizen's photos, the unit's answer with its evidence, the
 * timeline (the API leaves internal notes out for citizens), "add information" while it is open
 * (asked for when the unit requested it), and the rating once answered — "not satisfied" says
 * plainly that it goes back to the unit, and the second time to the unit above. A report rejected
 * as a duplicate links to the original. Someone else's report (or any, signed out) shows what
 * the public may see of it (the Open311 read) and "follow".
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, problemText, type Schemas } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt, lang, localName } from '../../shared/i18n/index';
import { departments } from '../lib/reference';
import { networkFirst } from '../lib/store';
import type { MessageKey } from '../messages';
import { t } from '../messages';
import { Follow } from '../Follow';
import { Loading, StatusChip, useLoad, type Status } from '../ui';
import { ratings, type Rating } from '../../../shared/domain/rating-scale.js';

type Ticket = Schemas['Ticket'];
type TicketEvent = Schemas['TicketEvent'];
type Photo = Schemas['Photo'];
const open = new Set(['assigned', 'in_progress', 'needs_info']);

const isNotFound = (e: unknown) => (e as { status?: number } | undefined)?.status === 404;

export function TicketPage({ id }: { id: string }) {
  if (!session.value) return <PublicTicket id={id} />;
  return <OwnTicket id={id} />;
}

function OwnTicket({ id }: { id: string }) {
  const [tick, setTick] = useState(0);
  // Not the caller's (the API answers 404 for others' reports): null, and the public view instead.
  const ticket = useLoad(() => networkFirst(`me.ticket.${id}`, () => api.GET('/v1/tickets/{id}', { params: { path: { id } } })).catch((e: unknown) => (isNotFound(e) ? null : Promise.reject(e))), [id, tick]);
  const history = useLoad(() => networkFirst(`me.history.${id}`, () => api.GET('/v1/tickets/{id}/history', { params: { path: { id } } })), [id, tick]);
  const units = useLoad(departments, []);
  if (ticket.value === null) return <PublicTicket id={id} />;
  const t0 = ticket.value?.value;
  if (!t0 || !session.value) return <Loading error={ticket.error} />;
  const unitName = (dep: string) => {
    const u = units.value?.find((d) => d.id === dep);
    return u ? localName(u.name) : dep;
  };
  const reload = () => setTick((n) => n + 1);
  const own = t0.citizenId === undefined || t0.citizenId === session.value.sub;
  return (
    <article class="ticket-page">
      {ticket.value?.stale && <p class="hint" role="status">{t('stale')}</p>}
      <h1>{t0.title ?? t0.description.slice(0, 80)}</h1>
      <p class="meta"><StatusChip status={t0.status} /> <span class="ref">{t0.ref}</span></p>
      {!!t0.reopenCount && open.has(t0.status) && <p class="card reopened" role="status">{t0.escalated || (t0.reopenCount ?? 0) > 1 ? t('ticket.escalatedNote') : t('ticket.reopened')}</p>}
      <dl class="summary">
        <dt>{t('ticket.unit')}</dt>
        <dd>{unitName(t0.departmentId)}</dd>
        {open.has(t0.status) && (
          <>
            <dt>{t('ticket.due')}</dt>
            <dd>{fmt.dateTime(t0.dueAt)}</dd>
          </>
        )}
        {t0.location.address && (
          <>
            <dt>{t('ticket.place')}</dt>
            <dd>{t0.location.address}</dd>
          </>
        )}
      </dl>
      <p class="description">{t0.description}</p>
      <Photos photos={t0.photos ?? []} label="ticket.photo" />
      {t0.response && (
        <section class="card answer" aria-labelledby="answer-title">
          <h2 id="answer-title">{t('ticket.answer', { unit: unitName(t0.response.departmentId) })}</h2>
          <p class="hint">{fmt.dateTime(t0.response.at)}</p>
          <p>{t0.response.message}</p>
          <Photos photos={t0.response.photos} label="ticket.evidence" />
        </section>
      )}
      {t0.rejection && <Rejection rejection={t0.rejection} />}
      {own && t0.status === 'responded' && !t0.rating && <RateForm ticket={t0} onDone={reload} />}
      {t0.rating && <p class="card">{t('ticket.rated', { value: t(`ticket.rate.${t0.rating.value}`) })}{t0.rating.comment ? ` “${t0.rating.comment}”` : ''}</p>}
      {own && open.has(t0.status) && <AddInfo ticket={t0} onDone={reload} />}
      {t0.followers > 0 && <p class="hint" data-followers={t0.followers}>{t('ticket.followers', { n: fmt.number(t0.followers) })}</p>}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('ticket.timeline')}</h2>
        {history.value ? <Timeline events={history.value.value.items} /> : <Loading error={history.error} />}
      </section>
    </article>
  );
}

function Rejection({ rejection }: { rejection: NonNullable<Ticket['rejection']> }) {
  return (
    <section class="card rejection" aria-labelledby="rejection-title">
      <h2 id="rejection-title">{t('ticket.rejectedTitle')}</h2>
      <p>{rejection.message}</p>
      {rejection.duplicateOf && (
        <>
          <p>{t('ticket.duplicateOf')}</p>
          <p><a class="button primary" href={`/reports/${rejection.duplicateOf}?merged=1`} data-original={rejection.duplicateOf}>{t('ticket.openOriginal')}</a></p>
        </>
      )}
      {rejection.complaintProcedure && <p class="hint">{t('ticket.complaint')} {localName(rejection.complaintProcedure)}</p>}
    </section>
  );
}

type PublicRequest = Schemas['Open311ServiceRequest'];
const statuses = new Set<string>(['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected']);

/** Someone else's report as the public sees it (no owner, no personal data), and "follow" when it is public. */
function PublicTicket({ id }: { id: string }) {
  const { query } = useLocation();
  const found = useLoad(
    () =>
      networkFirst(`ref.request.${id}`, () => api.GET('/open311/v2/requests/{file}', { params: { path: { file: `${encodeURIComponent(id)}.json` }, query: { extensions: 'true', locale: lang.value } } })).then(
        (r) => r.value[0] ?? null,
        (e: unknown) => (isNotFound(e) ? null : Promise.reject(e)),
      ),
    [id, lang.value],
  );
  if (found.value === null) return <p role="alert" class="error">{t('ticket.notFound')}</p>;
  const r: PublicRequest | undefined = found.value;
  if (!r) return <Loading error={found.error} />;
  const status = r.extended_attributes?.status;
  const isPublic = r.description !== null;
  return (
    <article class="ticket-page public-ticket">
      <p class="hint">{t(isPublic ? 'ticket.publicIntro' : 'ticket.private')}</p>
      <h1>{r.description ? r.description.slice(0, 80) : r.service_name ?? r.service_code}</h1>
      <p class="meta">
        {status && statuses.has(status) && <StatusChip status={status as Status} />} <span class="ref">{r.extended_attributes?.reference}</span>
      </p>
      <dl class="summary">
        <dt>{t('report.summaryCategory')}</dt>
        <dd>{r.service_name ?? r.service_code}</dd>
        <dt>{t('ticket.unit')}</dt>
        <dd>{r.agency_responsible}</dd>
        <dt>{t('ticket.sent')}</dt>
        <dd>{fmt.dateTime(r.requested_datetime)}</dd>
        {r.status === 'open' && (
          <>
            <dt>{t('ticket.due')}</dt>
            <dd>{fmt.dateTime(r.expected_datetime)}</dd>
          </>
        )}
        {r.address && (
          <>
            <dt>{t('ticket.place')}</dt>
            <dd>{r.address}</dd>
          </>
        )}
      </dl>
      {r.description && <p class="description">{r.description}</p>}
      {r.media_url && <p><a href={r.media_url} target="_blank" rel="noopener">{t('ticket.publicPhoto')}</a></p>}
      {r.status_notes && (
        <section class="card answer" aria-labelledby="answer-title">
          <h2 id="answer-title">{t('ticket.latestAnswer')}</h2>
          <p>{r.status_notes}</p>
        </section>
      )}
      {isPublic && <Follow id={id} initial={query.merged === '1' ? true : undefined} />}
    </article>
  );
}

function Photos({ photos, label }: { photos: Photo[]; label: MessageKey }) {
  if (!photos.length) return null;
  return (
    <ul class="thumbs">
      {photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noopener"><img src={p.thumbUrl} alt={t(label, { n: i + 1 })} width={p.width > p.height ? 120 : Math.round((120 * p.width) / p.height)} height={p.width > p.height ? Math.round((120 * p.height) / p.width) : 120} loading="lazy" /></a>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ events }: { events: TicketEvent[] }) {
  const known = new Set(['created', 'acknowledged', 'info_requested', 'commented', 'responded', 'transferred', 'rejected', 'severity_changed', 'closed', 'ack_overdue', 'overdue', 'escalated', 'auto_closed', 'rated', 'reopened']);
  const shown = events.filter((e) => e.visibility === 'public' && known.has(e.type));
  return (
    <ol class="timeline">
      {shown.map((e) => {
        const message = typeof e.data.message === 'string' ? e.data.message : undefined;
        return (
          <li key={e.eventId} data-event={e.type}>
            <strong>{t(`event.${e.type}` as MessageKey)}</strong> <span class="hint">{fmt.dateTime(e.at)}</span>
            {message && <p>{message}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function AddInfo({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const asked = ticket.status === 'needs_info';
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const { error: problem } = await api.POST('/v1/tickets/{id}/comments', { params: { path: { id: ticket.id } }, body: { message: message.trim() } });
    setBusy(false);
    if (problem) return setError(problemText(problem));
    setMessage('');
    setSent(true);
    onDone();
  };
  return (
    <section class={`card add-info${asked ? ' asked' : ''}`} aria-labelledby="add-info-title">
      <h2 id="add-info-title">{t('ticket.addInfoTitle')}</h2>
      {asked && <p>{t('ticket.addInfoAsked')}</p>}
      <form onSubmit={(e) => void submit(e)}>
        <label for="add-info">{t('ticket.addInfoLabel')}</label>
        <textarea id="add-info" rows={3} required maxLength={4000} value={message} onInput={(e) => setMessage((e.target as HTMLTextAreaElement).value)} />
        {error && <p role="alert" class="error">{error}</p>}
        {sent && <p role="status" class="ok">{t('ticket.addInfoSent')}</p>}
        <button type="submit" class="primary" disabled={busy || !message.trim()}>{t('ticket.addInfoSend')}</button>
      </form>
    </section>
  );
}

function RateForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const [value, setValue] = useState<Rating | undefined>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!value) return setError(t('ticket.rateRequired'));
    setBusy(true);
    const { error: problem } = await api.POST('/v1/tickets/{id}/rating', { params: { path: { id: ticket.id } }, body: { rating: value, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
    setBusy(false);
    if (problem) return setError(problemText(problem));
    onDone();
  };
  return (
    <section class="card rate" aria-labelledby="rate-title">
      <form onSubmit={(e) => void submit(e)}>
        <fieldset class="choices">
          <legend id="rate-title">{t('ticket.rateTitle')}</legend>
          {ratings.map((r) => (
            <label key={r} class={`choice${value === r ? ' chosen' : ''}`}>
              <input type="radio" name="rating" value={r} checked={value === r} aria-describedby={r === 'not_satisfied' ? 'not-satisfied-hint' : undefined} onChange={() => setValue(r)} />
              <span>{t(`ticket.rate.${r}`)}</span>
            </label>
          ))}
          <p id="not-satisfied-hint" class="hint">{t('ticket.rateNotSatisfiedHint')}</p>
        </fieldset>
        <label for="rate-comment">{t('ticket.rateComment')}</label>
        <textarea id="rate-comment" rows={2} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('ticket.rateSend')}</button>
      </form>
    </section>
  );
}
