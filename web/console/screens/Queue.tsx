/**
 * A department's queue, soonest due first, with the time left in working hours. Every filter
 * is the API's (status, overdue, category, ward, assignee, id or reference). Refreshes when the
 * tab comes back into view and every minute while it is visible.
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, problemText } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt, localName } from '../../shared/i18n/index';
import { movesText, t, tn } from '../messages';
import { clockText, isPast, severityText, shortId, statusText, type QueueTicket } from '../lib/labels';
import { categories, categoryName, departmentName, departments, wardName } from '../lib/reference';
import { unitsInScope } from '../lib/scope';
import { reference } from '../lib/reference-id';

const POLL_MS = 60_000;
const MAX_PAGES = 20;
// Rows drawn at a time: a 2,000-ticket queue drawn whole costs seconds of layout on an office PC;
// the soonest due come first, the rest one click (or a narrower filter) away.
const ROWS_SHOWN = 100;
const statuses = ['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected'] as const;

// Filters outlive a visit to a ticket and back.
const status = signal('');
const overdue = signal('');
const category = signal('');
const ward = signal('');
const assignee = signal('');
const search = signal('');
// Wards seen in this unit's queue, so the ward filter keeps its options while it narrows the rows.
const seenWards = signal<{ unit: string; codes: Set<string> }>({ unit: '', codes: new Set() });

interface QueueFilters {
  status: string;
  overdue: string;
  category: string;
  ward: string;
  assignee: string;
  q: string;
}

/** Every page of the queue; `onFirst` gets the first page (the soonest due) as soon as it comes. */
async function loadQueue(unit: string, f: QueueFilters, onFirst?: (items: QueueTicket[], more: boolean) => void) {
  const items: QueueTicket[] = [];
  let cursor: string | undefined;
  let pages = 0;
  const query = {
    limit: 100,
    ...(f.status ? { status: f.status as QueueTicket['status'] } : {}),
    ...(f.overdue ? { overdue: f.overdue as 'true' | 'false' } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.ward ? { wardCode: f.ward } : {}),
    ...(f.assignee ? { assignee: f.assignee as 'me' | 'unassigned' } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
  };
  do {
    const { data, error } = await api.GET('/v1/departments/{id}/tickets', { params: { path: { id: unit }, query: { ...query, ...(cursor ? { cursor } : {}) } } });
    if (error) throw error;
    items.push(...data.items);
    cursor = data.nextCursor ?? undefined;
    if (pages === 0 && cursor) onFirst?.(items.slice(), true);
  } while (cursor && ++pages < MAX_PAGES);
  return { items, more: cursor !== undefined };
}

export function Queue() {
  const { query, route } = useLocation();
  const s = session.value!;
  const units = unitsInScope(s, departments.value);
  const unit = query.unit ?? s.departmentId ?? units[0]?.id ?? '';
  const [rows, setRows] = useState<QueueTicket[] | undefined>();
  // False while a first page is shown and the rest of the queue is still coming.
  const [complete, setComplete] = useState(true);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [updated, setUpdated] = useState<Date | undefined>();
  const busy = useRef(false);
  const rowsRef = useRef<QueueTicket[] | undefined>(undefined);
  rowsRef.current = rows;
  const debouncedQ = useRef(search.value);
  const [q, setQ] = useState(search.value);

  const refresh = async () => {
    if (!unit || busy.current) return;
    busy.current = true;
    try {
      // A first load draws the soonest due at once; a refresh keeps the whole list until the new one is in.
      const first = rowsRef.current === undefined;
      const out = await loadQueue(unit, { status: status.value, overdue: overdue.value, category: category.value, ward: ward.value, assignee: assignee.value, q: debouncedQ.current }, (items) => {
        if (!first) return;
        setRows(items);
        setComplete(false);
      });
      setRows(out.items);
      setComplete(true);
      const known = seenWards.value.unit === unit ? seenWards.value.codes : new Set<string>();
      const next = new Set([...known, ...out.items.map((r) => r.location.wardCode)]);
      if (next.size !== known.size || seenWards.value.unit !== unit) seenWards.value = { unit, codes: next };
      setMore(out.more);
      setError(undefined);
      setUpdated(new Date());
    } catch (e) {
      setError(problemText(e));
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    rowsRef.current = undefined;
    setRows(undefined);
    void refresh();
  }, [unit, status.value, overdue.value, category.value, ward.value, assignee.value, q]);

  // Searching asks the API once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      debouncedQ.current = search.value;
      setQ(search.value);
    }, 300);
    return () => clearTimeout(timer);
  }, [search.value]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    const timer = setInterval(() => document.visibilityState === 'visible' && void refresh(), POLL_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [unit]);

  const shown = rows ?? [];
  const wards = useMemo(() => [...(seenWards.value.unit === unit ? seenWards.value.codes : new Set<string>()), ...(ward.value ? [ward.value] : [])].filter((w, i, a) => a.indexOf(w) === i).sort(), [seenWards.value, unit, ward.value]);
  const canClaim = s.role === 'staff';

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queue.title', { unit: departmentName(unit) })}</h1>
      <form class="filters card" aria-label={t('queue.filters')} onSubmit={(e) => e.preventDefault()}>
        {units.length > 1 && (
          <div class="field">
            <label for="f-unit">{t('queue.unit')}</label>
            <select id="f-unit" value={unit} onChange={(e) => route(`/console/queue?unit=${encodeURIComponent(e.currentTarget.value)}`)}>
              {units.map((d) => <option key={d.id} value={d.id}>{localName(d.name)}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="f-status">{t('queue.status')}</label>
          <select id="f-status" value={status.value} onChange={(e) => (status.value = e.currentTarget.value)}>
            <option value="">{t('queue.statusOpen')}</option>
            {statuses.map((st) => <option key={st} value={st}>{statusText(st)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="f-overdue">{t('queue.overdue')}</label>
          <select id="f-overdue" value={overdue.value} onChange={(e) => (overdue.value = e.currentTarget.value)}>
            <option value="">{t('queue.overdueAny')}</option>
            <option value="true">{t('queue.overdueYes')}</option>
            <option value="false">{t('queue.overdueNo')}</option>
          </select>
        </div>
        <div class="field">
          <label for="f-category">{t('queue.category')}</label>
          <select id="f-category" value={category.value} onChange={(e) => (category.value = e.currentTarget.value)}>
            <option value="">{t('queue.all')}</option>
            {categories.value.map((c) => <option key={c.code} value={c.code}>{localName(c.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="f-ward">{t('queue.ward')}</label>
          <select id="f-ward" value={ward.value} onChange={(e) => (ward.value = e.currentTarget.value)}>
            <option value="">{t('queue.all')}</option>
            {wards.map((w) => <option key={w} value={w}>{wardName(w)}</option>)}
          </select>
        </div>
        {canClaim && (
          <div class="field">
            <label for="f-assignee">{t('queue.assignee')}</label>
            <select id="f-assignee" value={assignee.value} onChange={(e) => (assignee.value = e.currentTarget.value)}>
              <option value="">{t('queue.all')}</option>
              <option value="me">{t('queue.assigneeMine')}</option>
              <option value="unassigned">{t('queue.assigneeUnassigned')}</option>
            </select>
          </div>
        )}
        <div class="field grow">
          <label for="f-search">{t('queue.search')}</label>
          <input id="f-search" type="search" value={search.value} placeholder={t('queue.searchHint')} onInput={(e) => (search.value = e.currentTarget.value)} />
        </div>
      </form>

      <div class="toolbar">
        <p aria-live="polite" class="hint" data-count={rows?.length ?? 0} data-complete={rows !== undefined && complete}>
          {rows ? (complete ? tn('queue.count', shown.length) : t('queue.countSoFar', { n: fmt.number(shown.length) })) : t('dash.loading')}
          {updated && <> · {t('queue.updated', { time: fmt.time(updated) })}</>}
        </p>
        <button type="button" onClick={() => void refresh()}>{t('queue.refresh')}</button>
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      {rows && shown.length === 0 && <p>{t('queue.empty')}</p>}
      {rows && shown.length > 0 && <QueueTable rows={shown} />}
      {/* Below the rows: known only once every page is in, it must not push the drawn rows down. */}
      {more && <p class="hint">{t('queue.more')}</p>}
    </section>
  );
}

function QueueTable({ rows: all }: { rows: QueueTicket[] }) {
  const [limit, setLimit] = useState(ROWS_SHOWN);
  const rows = all.length > limit ? all.slice(0, limit) : all;
  const rest = all.length - rows.length;
  return (
    <>
    <table class="queue responsive">
      <caption class="visually-hidden">{t('queue.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queue.col.ticket')}</th>
          <th scope="col">{t('queue.col.time')}</th>
          <th scope="col">{t('queue.col.severity')}</th>
          <th scope="col">{t('queue.col.category')}</th>
          <th scope="col">{t('queue.col.ward')}</th>
          <th scope="col">{t('queue.col.status')}</th>
          <th scope="col">{t('queue.col.moves')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} class={isPast(r) ? 'is-overdue' : ''}>
            <td data-label={t('queue.col.ticket')}>
              <a href={`/console/tickets/${r.id}`} class="ticket-link">
                <span class="ref">{reference(r)}</span>
                <span class="summary">{r.title ?? r.description.slice(0, 80)}</span>
              </a>
            </td>
            <td data-label={t('queue.col.time')} class={isPast(r) ? 'overdue' : ''}>{clockText(r)}</td>
            <td data-label={t('queue.col.severity')}><span class={`chip sev-${r.severity}`}>{severityText(r.severity)}</span></td>
            <td data-label={t('queue.col.category')}>{categoryName(r.category)}</td>
            <td data-label={t('queue.col.ward')}>{wardName(r.location.wardCode)}</td>
            <td data-label={t('queue.col.status')}>{statusText(r.status)}{r.assignee && <span class="hint"><br />{r.assignee.name ?? r.assignee.userId}</span>}</td>
            <td data-label={t('queue.col.moves')}>{movesText(r.transferCount, r.reopenCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {rest > 0 && (
      <div class="toolbar">
        <p class="hint">{t('queue.shown', { shown: fmt.number(rows.length) })}</p>
        <button type="button" data-more onClick={() => setLimit(limit + ROWS_SHOWN)}>{t('queue.showMore', { n: fmt.number(Math.min(rest, ROWS_SHOWN)) })}</button>
      </div>
    )}
    </>
  );
}
