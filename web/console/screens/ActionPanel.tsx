/**
 * The actions a ticket's state allows, each as a form mirroring the API's rules (the same
 * `allowedFrom`, minimum lengths and reasons as the domain). What is typed is kept per action:
 * a 409 shows what changed and offers to send again on the new version, text intact.
 */
import { useState } from 'preact/hooks';
import { api, problemText, type Problem } from '../../shared/api/client';
import { session } from '../../shared/auth/session';
import { fmt, localName } from '../../shared/i18n/index';
import { allowedFrom, MIN_RESPONSE_LENGTH, rejectReasons, TRANSFER_LIMIT } from '../../../shared/domain/workflow.js';
import { t, tn, type MessageKey } from '../messages';
import { describeConflict, type Conflict, type TicketEvent } from '../lib/conflict';
import { eventText, severityText, statusText, type Ticket } from '../lib/labels';
import { departments, type Category } from '../lib/reference';
import { loadHistory, loadTicket } from './TicketPanel';
import { TemplatePicker } from './TemplatePicker';
import { ticketLanguage } from '../lib/ticket-language';
import { DuplicatePicker } from './DuplicatePicker';
import { EvidencePicker, type EvidenceItem } from './EvidencePicker';

type ActionName = 'acknowledge' | 'request_info' | 'respond' | 'transfer' | 'reject' | 'note' | 'set_severity' | 'close' | 'claim' | 'release';
const order: ActionName[] = ['acknowledge', 'respond', 'request_info', 'transfer', 'reject', 'set_severity', 'note', 'close', 'claim', 'release'];
// The form open by default: the step the ticket is waiting for.
const nextStep: ActionName[] = ['acknowledge', 'respond', 'close'];

interface Drafts {
  request_info: { message: string };
  respond: { message: string; evidence: EvidenceItem[] };
  transfer: { toDepartmentId: string; reason: string; search: string };
  reject: { reasonCode: (typeof rejectReasons)[number]; message: string; duplicateOf: string };
  note: { message: string };
  set_severity: { severity: Ticket['severity'] };
}

const emptyDrafts = (ticket: Ticket): Drafts => ({
  request_info: { message: '' },
  respond: { message: '', evidence: [] },
  transfer: { toDepartmentId: '', reason: '', search: '' },
  reject: { reasonCode: 'out_of_scope', message: '', duplicateOf: '' },
  note: { message: '' },
  set_severity: { severity: ticket.severity === 'normal' ? 'urgent' : 'normal' },
});

type Body = { action: ActionName; [k: string]: unknown };

function bodyFor(action: ActionName, d: Drafts): Body {
  switch (action) {
    case 'acknowledge':
    case 'close':
    case 'claim':
    case 'release':
      return { action };
    case 'request_info':
    case 'note':
      return { action, message: d[action].message };
    case 'respond': {
      const evidence = d.respond.evidence.filter((e) => e.state === 'ready').map((e) => ({ uploadId: e.uploadId! }));
      return { action, message: d.respond.message, ...(evidence.length ? { evidence } : {}) };
    }
    case 'transfer':
      return { action, toDepartmentId: d.transfer.toDepartmentId, reason: d.transfer.reason };
    case 'reject':
      return { action, reasonCode: d.reject.reasonCode, message: d.reject.message, ...(d.reject.reasonCode === 'duplicate' ? { duplicateOf: d.reject.duplicateOf.trim() } : {}) };
    case 'set_severity':
      return { action, severity: d.set_severity.severity };
  }
}

export function ActionPanel(props: {
  ticket: Ticket;
  category: Category | undefined;
  reload: () => Promise<{ ticket: Ticket; history: TicketEvent[] } | undefined>;
  onUpdated: (ticket: Ticket, history: TicketEvent[]) => void;
}) {
  const { ticket } = props;
  const me = session.value!;
  // The API's state rules, plus who may claim (the unit's staff, when nobody holds it) and release (the holder, or an admin).
  const allowed = order.filter((a) => {
    if (!(allowedFrom[a] as readonly string[]).includes(ticket.status)) return false;
    if (a === 'claim') return me.role === 'staff' && ticket.assignee?.userId !== me.sub && !ticket.assignee;
    if (a === 'release') return !!ticket.assignee && (ticket.assignee.userId === me.sub || me.role === 'admin');
    return true;
  });
  const [chosen, setChosen] = useState<ActionName | undefined>();
  const [drafts, setDrafts] = useState<Drafts>(() => emptyDrafts(ticket));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [conflict, setConflict] = useState<{ action: ActionName; info: Conflict } | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const current = chosen && allowed.includes(chosen) ? chosen : conflict?.action ?? nextStep.find((a) => allowed.includes(a)) ?? allowed[0];

  const edit = <A extends keyof Drafts>(action: A, patch: Partial<Drafts[A]>) => setDrafts((d) => ({ ...d, [action]: { ...d[action], ...patch } }));
  // Uploads finish after the click that started them: apply each change to the drafts as they are then.
  const updateEvidence = (fn: (items: EvidenceItem[]) => EvidenceItem[]) => setDrafts((d) => ({ ...d, respond: { ...d.respond, evidence: fn(d.respond.evidence) } }));

  const send = async (action: ActionName, version: number) => {
    setBusy(true);
    setProblem(undefined);
    setDone(undefined);
    try {
      const body = { ...bodyFor(action, drafts), expectedVersion: version } as never;
      const { data, error, response } = await api.POST('/v1/tickets/{id}/actions', { params: { path: { id: ticket.id } }, body });
      if (response.status === 409) {
        const [now, history] = await Promise.all([loadTicket(ticket.id), loadHistory(ticket.id)]);
        setConflict({ action, info: describeConflict(ticket, now, history) });
        props.onUpdated(now, history);
        return;
      }
      if (error) {
        setProblem(error as Problem);
        return;
      }
      setConflict(undefined);
      const cleared = emptyDrafts(data);
      setDrafts((d) => (action in d ? { ...d, [action]: cleared[action as keyof Drafts] } : d));
      setDone(t('action.done', { action: t(`action.${action}` as MessageKey) }));
      const fresh = await props.reload();
      if (!fresh) props.onUpdated(data, []);
    } catch (e) {
      setProblem({ type: 'about:blank', title: problemText(e), status: 0, detail: problemText(e) });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (path: string) => problem?.errors?.find((e) => e.path === `body.${path}`)?.message;

  if (allowed.length === 0) return <p>{t('ticket.noActions')}</p>;

  return (
    <div class="actions">
      <div class="action-tabs" role="group" aria-label={t('ticket.actions')}>
        {allowed.map((a) => (
          <button key={a} type="button" aria-pressed={current === a} data-action={a} onClick={() => { setChosen(a); setProblem(undefined); }}>
            {t(`action.${a}` as MessageKey)}
          </button>
        ))}
      </div>

      {done && <p role="status" class="ok">{done}</p>}

      {conflict && (
        <div class="conflict" role="alert" aria-labelledby="conflict-h">
          <h3 id="conflict-h">{t('conflict.title')}</h3>
          <p>{t('conflict.intro', { mine: conflict.info.mine, now: conflict.info.now.version })}</p>
          <ul>
            {conflict.info.fields.map((f) => (
              <li key={f.field}>{t('conflict.field', { field: t(`field.${f.field}` as MessageKey), from: fieldValue(f.field, f.from), to: fieldValue(f.field, f.to) })}</li>
            ))}
            {conflict.info.events.map((e) => <li key={e.eventId}>{t('conflict.event', { when: fmt.time(e.at), what: eventText(e.type) })}</li>)}
          </ul>
          <p>{t('conflict.kept')}</p>
          {(allowedFrom[conflict.action] as readonly string[]).includes(ticket.status) ? (
            <button type="button" class="primary" disabled={busy} onClick={() => void send(conflict.action, ticket.version)}>{t('conflict.retry')}</button>
          ) : (
            <p class="error">{t('conflict.notAllowed')}</p>
          )}{' '}
          <button type="button" onClick={() => setConflict(undefined)}>{t('conflict.dismiss')}</button>
        </div>
      )}

      {problem && !conflict && (
        <div role="alert" class="error">
          <p>{problem.detail || problem.title}</p>
        </div>
      )}

      {current && (
        <form
          class="action-form"
          data-form={current}
          aria-label={t(`action.${current}` as MessageKey)}
          onSubmit={(e) => { e.preventDefault(); void send(current, ticket.version); }}
        >
          <ActionFields action={current} ticket={ticket} category={props.category} drafts={drafts} edit={edit} updateEvidence={updateEvidence} fieldError={fieldError} problem={problem} />
          <button type="submit" class={current === 'reject' ? 'danger' : 'primary'} disabled={busy || !ready(current, drafts, props.category)}>
            {busy ? t('form.sending') : t(`action.${current}` as MessageKey)}
          </button>
        </form>
      )}
    </div>
  );
}

function ready(action: ActionName, d: Drafts, category: Category | undefined): boolean {
  switch (action) {
    case 'respond': {
      // Photos still uploading would be left out of the answer; the API refuses one without evidence where the category requires it.
      const ev = d.respond.evidence;
      if (ev.some((e) => e.state === 'uploading')) return false;
      return d.respond.message.trim().length >= MIN_RESPONSE_LENGTH && (!category?.evidenceRequired || ev.some((e) => e.state === 'ready'));
    }
    case 'request_info':
    case 'note':
      return d[action].message.trim().length > 0;
    case 'transfer':
      return d.transfer.toDepartmentId !== '' && d.transfer.reason.trim().length > 0;
    case 'reject':
      return d.reject.message.trim().length > 0 && (d.reject.reasonCode !== 'duplicate' || d.reject.duplicateOf.trim().length > 0);
    default:
      return true;
  }
}

function fieldValue(field: string, value: string) {
  if (field === 'status') return statusText(value as Ticket['status']);
  if (field === 'severity') return severityText(value as Ticket['severity']);
  if (field === 'dueAt') return fmt.dateTime(value);
  return localName(departments.value.find((d) => d.id === value)?.name) || value;
}

function ActionFields(props: {
  action: ActionName;
  ticket: Ticket;
  category: Category | undefined;
  drafts: Drafts;
  edit: <A extends keyof Drafts>(action: A, patch: Partial<Drafts[A]>) => void;
  updateEvidence: (fn: (items: EvidenceItem[]) => EvidenceItem[]) => void;
  fieldError: (path: string) => string | undefined;
  problem: Problem | undefined;
}) {
  const { action, drafts, edit, fieldError, ticket } = props;
  const err = (path: string) => {
    const m = fieldError(path);
    return m ? <p class="error" id={`err-${action}-${path}`}>{m}</p> : null;
  };
  switch (action) {
    case 'acknowledge':
      return <p class="hint">{t('action.ackHelp')}</p>;
    case 'close':
      return <p class="hint">{t('action.closeHelp')}</p>;
    case 'claim':
      return <p class="hint">{t('action.claimHelp')}</p>;
    case 'release':
      return <p class="hint">{t('action.releaseHelp')}</p>;
    case 'respond': {
      const n = drafts.respond.message.trim().length;
      const evidenceError = props.problem?.errors?.find((e) => e.path.startsWith('body.evidence'))?.message;
      return (
        <>
          {props.category?.evidenceRequired && <p class="hint warn">{t('form.evidenceRequired')}</p>}
          <TemplatePicker category={ticket.category} language={ticketLanguage(ticket)} kind="respond" onInsert={(text) => edit('respond', { message: text })} />
          <div class="field">
            <label for="f-respond">{t('form.answer')}</label>
            <textarea id="f-respond" name="message" rows={6} value={drafts.respond.message} aria-describedby="f-respond-count" onInput={(e) => edit('respond', { message: e.currentTarget.value })} />
            <p id="f-respond-count" class={`hint ${n > 0 && n < MIN_RESPONSE_LENGTH ? 'warn' : ''}`} aria-live="polite">{t('form.chars', { n, min: MIN_RESPONSE_LENGTH })}</p>
            {err('message')}
          </div>
          <EvidencePicker items={drafts.respond.evidence} update={props.updateEvidence} required={!!props.category?.evidenceRequired} />
          {evidenceError && <p class="error" id="err-respond-evidence">{evidenceError}</p>}
        </>
      );
    }
    case 'request_info':
    case 'note':
      return (
        <div class="field">
          {action === 'request_info' && <TemplatePicker category={ticket.category} language={ticketLanguage(ticket)} kind="request_info" onInsert={(text) => edit('request_info', { message: text })} />}
          <label for={`f-${action}`}>{t(action === 'note' ? 'form.note' : 'form.infoNeeded')}</label>
          <textarea id={`f-${action}`} name="message" rows={4} value={drafts[action].message} onInput={(e) => edit(action, { message: e.currentTarget.value })} />
          {err('message')}
        </div>
      );
    case 'transfer':
      return <TransferFields ticket={ticket} drafts={drafts} edit={edit} err={err} />;
    case 'reject':
      return (
        <>
          <TemplatePicker category={ticket.category} language={ticketLanguage(ticket)} kind="reject" onInsert={(text, tpl) => edit('reject', { message: text, ...(tpl.reasonCode ? { reasonCode: tpl.reasonCode } : {}) })} />
          <div class="field">
            <label for="f-reason-code">{t('form.reasonCode')}</label>
            <select id="f-reason-code" value={drafts.reject.reasonCode} onChange={(e) => edit('reject', { reasonCode: e.currentTarget.value as Drafts['reject']['reasonCode'] })}>
              {rejectReasons.map((r) => <option key={r} value={r}>{t(`reject.${r}` as MessageKey)}</option>)}
            </select>
          </div>
          {drafts.reject.reasonCode === 'duplicate' && (
            <div class="field">
              <label for="f-duplicate">{t('form.duplicateOf')}</label>
              <input id="f-duplicate" value={drafts.reject.duplicateOf} onInput={(e) => edit('reject', { duplicateOf: e.currentTarget.value })} />
              {err('duplicateOf')}
              <DuplicatePicker ticket={ticket} value={drafts.reject.duplicateOf} onPick={(id) => edit('reject', { duplicateOf: id })} />
            </div>
          )}
          <div class="field">
            <label for="f-reject-msg">{t('form.message')}</label>
            <textarea id="f-reject-msg" rows={4} value={drafts.reject.message} onInput={(e) => edit('reject', { message: e.currentTarget.value })} />
            {err('message')}
          </div>
        </>
      );
    case 'set_severity':
      return (
        <div class="field">
          <label for="f-severity">{t('form.severity')}</label>
          <select id="f-severity" value={drafts.set_severity.severity} onChange={(e) => edit('set_severity', { severity: e.currentTarget.value as Ticket['severity'] })}>
            {(['urgent', 'complex', 'normal'] as const).filter((s) => s !== ticket.severity).map((s) => <option key={s} value={s}>{severityText(s)}</option>)}
          </select>
        </div>
      );
  }
}

function TransferFields(props: { ticket: Ticket; drafts: Drafts; edit: <A extends keyof Drafts>(a: A, p: Partial<Drafts[A]>) => void; err: (p: string) => unknown }) {
  const { drafts, edit, ticket } = props;
  const q = drafts.transfer.search.trim().toLowerCase();
  const options = departments.value.filter((d) => d.active && d.id !== ticket.departmentId && (!q || d.id.includes(q) || d.name.vi.toLowerCase().includes(q) || d.name.en.toLowerCase().includes(q)));
  const shown = options.slice(0, 50);
  return (
    <>
      {ticket.transferCount >= TRANSFER_LIMIT - 1 && <p class="hint warn">{t('form.transferLimit', { n: ticket.transferCount })}</p>}
      <div class="field">
        <label for="f-dept-search">{t('form.departmentSearch')}</label>
        <input id="f-dept-search" type="search" value={drafts.transfer.search} aria-describedby="f-dept-count" onInput={(e) => edit('transfer', { search: e.currentTarget.value })} />
        <p id="f-dept-count" class="hint" aria-live="polite">{tn('form.departmentCount', options.length)}</p>
      </div>
      <div class="field">
        <label for="f-dept">{t('form.department')}</label>
        <select id="f-dept" size={6} value={drafts.transfer.toDepartmentId} onChange={(e) => edit('transfer', { toDepartmentId: e.currentTarget.value })}>
          {shown.map((d) => <option key={d.id} value={d.id}>{localName(d.name)}</option>)}
        </select>
        {props.err('toDepartmentId') as never}
      </div>
      <div class="field">
        <label for="f-transfer-reason">{t('form.reason')}</label>
        <textarea id="f-transfer-reason" rows={3} value={drafts.transfer.reason} onInput={(e) => edit('transfer', { reason: e.currentTarget.value })} />
        {props.err('reason') as never}
      </div>
    </>
  );
}
