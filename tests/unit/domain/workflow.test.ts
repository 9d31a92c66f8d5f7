import { describe, expect, it } from 'vitest';
import type { Category } from '../../../shared/domain/category.js';
import type { Department } from '../../../shared/domain/department.js';
import { deadlines, ticketStatuses, type Ticket, type TicketStatus } from '../../../shared/domain/ticket.js';
import {
  allowedFrom,
  applyAction,
  complaintProcedureGuidance,
  staffActions,
  ticketEventTypes,
  transferLimitReached,
  type ActionContext,
  type TicketAction,
} from '../../../shared/domain/workflow.js';
import { addWorkingHours } from '../../../shared/domain/working-hours.js';
import { seedCategories } from '../../../shared/reference/categories.js';
import { newTicket } from '../../support/ticket-fixture.js';

const noHolidays = { holidays: new Set<string>() };
const hcm = (local: string) => new Date(`${local}+07:00`);
const monday9 = hcm('2026-11-23T09:00:00');
const roads = seedCategories.find((c) => c.code === 'roads_traffic')!; // evidence required
const plain: Category = { ...roads, code: 'plain', evidenceRequired: false };

const dept = (id: string, parentId?: string, active = true): Department => ({
  id, name: { vi: id, en: id }, kind: 'ward', areaCode: '00001', ...(parentId ? { parentId } : {}), active,
});

function ticketIn(status: TicketStatus, overrides: Partial<Ticket> = {}): Ticket {
  const { ticket } = newTicket({
    id: '01KTICKET00000000000000001',
    ref: 'HN-261123-0001',
    eventId: 'E1',
    now: monday9,
    citizenId: 'c-1',
    input: { description: 'A pothole on Kim Ma street' },
    category: plain,
    departmentId: 'ward-a',
    calendar: noHolidays,
  });
  return { ...ticket, status, ...(status === 'needs_info' ? { pausedAt: ticket.createdAt } : {}), ...(status === 'responded' ? { respondedAt: ticket.createdAt } : {}), ...overrides };
}

const later = hcm('2026-11-23T10:00:00');
function ctx(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    now: later,
    eventId: 'E2',
    actor: { id: 's-1', role: 'staff' },
    category: plain,
    calendar: noHolidays,
    transfer: { target: dept('ward-b', 'district-x'), current: dept('ward-a', 'district-x'), parentOfCurrent: dept('district-x', 'city') },
    duplicateExists: true,
    caller: { departmentId: 'ward-a' },
    ...overrides,
  };
}

/** A valid body for each action, so only the state decides. */
const sample: Record<TicketAction['action'], TicketAction> = {
  acknowledge: { action: 'acknowledge' },
  request_info: { action: 'request_info', message: 'Which house number?' },
  respond: { action: 'respond', message: 'The pothole was filled on Monday morning.' },
  transfer: { action: 'transfer', toDepartmentId: 'ward-b', reason: 'Their street' },
  reject: { action: 'reject', reasonCode: 'spam', message: 'Advertising' },
  note: { action: 'note', message: 'Called the contractor' },
  set_severity: { action: 'set_severity', severity: 'urgent' },
  close: { action: 'close' },
  claim: { action: 'claim' },
  release: { action: 'release' },
  comment: { action: 'comment', message: 'It is number 12' },
};

const expectedStatus: Record<TicketAction['action'], (from: TicketStatus) => TicketStatus> = {
  acknowledge: () => 'in_progress',
  request_info: () => 'needs_info',
  respond: () => 'responded',
  transfer: () => 'assigned',
  reject: () => 'rejected',
  note: (from) => from,
  set_severity: (from) => from,
  close: () => 'closed',
  claim: (from) => from,
  release: (from) => from,
  comment: (from) => (from === 'needs_info' ? 'in_progress' : from),
};

const expectedEvent: Record<TicketAction['action'], string> = {
  acknowledge: 'acknowledged',
  request_info: 'info_requested',
  respond: 'responded',
  transfer: 'transferred',
  reject: 'rejected',
  note: 'note_added',
  set_severity: 'severity_changed',
  close: 'closed',
  claim: 'claimed',
  release: 'released',
  comment: 'commented',
};

describe('the state machine: every action in every state', () => {
  for (const action of [...staffActions, 'comment'] as const) {
    for (const status of ticketStatuses) {
      const allowed = allowedFrom[action].includes(status);
      it(`${action} from ${status}: ${allowed ? expectedStatus[action](status) : '422'}`, () => {
        // only a held ticket can be released
        const ticket = ticketIn(status, action === 'release' ? { assignee: { userId: 's-1', since: monday9.toISOString() } } : {});
        if (!allowed) {
          expect(() => applyAction(ticket, sample[action], ctx())).toThrow(expect.objectContaining({ kind: 'invalid_state', rule: `${action}_not_allowed_when_${status}` }));
          return;
        }
        const { ticket: next, event } = applyAction(ticket, sample[action], ctx());
        expect(next.status).toBe(expectedStatus[action](status));
        expect(next.version).toBe(ticket.version + 1);
        expect(next.updatedAt).toBe(later.toISOString());
        expect(event).toMatchObject({ eventId: 'E2', ticketId: ticket.id, version: next.version, type: expectedEvent[action], at: later.toISOString(), actor: { id: 's-1', role: 'staff' } });
        expect(event.visibility).toBe(['note', 'claim', 'release'].includes(action) ? 'internal' : 'public');
        expect(ticketEventTypes).toContain(event.type);
        // the input ticket is never mutated
        expect(ticket.version).toBe(1);
      });
    }
  }

  it('matches the API table', () => {
    expect(allowedFrom).toEqual({
      acknowledge: ['assigned'],
      request_info: ['in_progress'],
      respond: ['in_progress'],
      transfer: ['assigned', 'in_progress'],
      reject: ['assigned', 'in_progress', 'needs_info', 'responded'],
      note: ticketStatuses,
      set_severity: ['assigned', 'in_progress', 'needs_info'],
      close: ['responded'],
      claim: ['assigned', 'in_progress', 'needs_info', 'responded'],
      release: ['assigned', 'in_progress', 'needs_info', 'responded'],
      comment: ['assigned', 'in_progress', 'needs_info', 'responded'],
    });
  });
});

describe('acknowledge', () => {
  it('records when and whether it was on time', () => {
    const { ticket, event } = applyAction(ticketIn('assigned'), sample.acknowledge, ctx());
    expect(ticket.acknowledgedAt).toBe(later.toISOString());
    expect(event.data).toEqual({ onTime: true });
    const late = applyAction(ticketIn('assigned'), sample.acknowledge, ctx({ now: hcm('2026-11-25T09:00:00') }));
    expect(late.event.data).toEqual({ onTime: false });
  });
});

describe('respond', () => {
  it('keeps the answer, its evidence and the time on the ticket', () => {
    const evidence = [{ id: '01KBEVIDENCE00000000000000', width: 2048, height: 1536, format: 'jpeg' as const }];
    const action = { action: 'respond' as const, message: 'The pothole was filled on Monday.', evidence: [{ uploadId: evidence[0]!.id }] };
    const { ticket, event } = applyAction(ticketIn('in_progress'), action, ctx({ category: roads, evidence }));
    expect(ticket).toMatchObject({ status: 'responded', respondedAt: later.toISOString(), response: { message: 'The pothole was filled on Monday.', evidence, departmentId: 'ward-a' } });
    expect(event.data).toMatchObject({ photos: evidence, onTime: true });
  });

  it('refuses an answer under 20 characters (400)', () => {
    expect(() => applyAction(ticketIn('in_progress'), { action: 'respond', message: '  Done, thanks.     ' }, ctx())).toThrow(expect.objectContaining({ kind: 'validation' }));
  });

  it('names the evidence rule when the category requires evidence (422)', () => {
    const attempt = () => applyAction(ticketIn('in_progress'), { action: 'respond', message: 'The pothole was filled on Monday.' }, ctx({ category: roads }));
    expect(attempt).toThrow(expect.objectContaining({ kind: 'invalid_state', rule: 'evidence_required' }));
    expect(() => applyAction(ticketIn('in_progress'), { action: 'respond', message: 'The pothole was filled on Monday.', evidence: [] }, ctx({ category: roads, evidence: [] }))).toThrow(
      expect.objectContaining({ rule: 'evidence_required' }),
    );
  });
});

describe('request_info and the citizen comment', () => {
  it('stops the clock while waiting and adds the paused working hours to the deadlines', () => {
    const inProgress = ticketIn('in_progress');
    const asked = applyAction(inProgress, sample.request_info, ctx({ now: hcm('2026-11-23T10:00:00') })).ticket;
    expect(asked).toMatchObject({ status: 'needs_info', pausedAt: hcm('2026-11-23T10:00:00').toISOString() });
    // the citizen answers the next morning at 09:00: 7 working hours passed (10–12, 13–17, 8–9)
    const { ticket, event } = applyAction(asked, sample.comment, ctx({ now: hcm('2026-11-24T09:00:00'), actor: { id: 'c-1', role: 'citizen' } }));
    expect(ticket.status).toBe('in_progress');
    expect(ticket.pausedAt).toBeUndefined();
    expect(ticket.dueAt).toBe(addWorkingHours(new Date(inProgress.dueAt), 7, noHolidays).toISOString());
    expect(ticket.escalateAt).toBe(addWorkingHours(new Date(inProgress.escalateAt!), 7, noHolidays).toISOString());
    expect(event.data).toEqual({ message: 'It is number 12', resumed: true, pausedHours: 7 });
  });

  it('only adds information in other open states', () => {
    for (const status of ['assigned', 'in_progress', 'responded'] as const) {
      const before = ticketIn(status);
      const { ticket, event } = applyAction(before, sample.comment, ctx());
      expect(ticket).toEqual({ ...before, version: 2, updatedAt: later.toISOString() });
      expect(event.data).toEqual({ message: 'It is number 12', resumed: false });
    }
  });
});

describe('transfer', () => {
  it('moves the ticket to the target, restarting every deadline from the transfer', () => {
    const before = ticketIn('in_progress', { overdue: true, escalated: true, escalatedTo: 'district-x', ackOverdue: true, acknowledgedAt: monday9.toISOString() });
    const now = hcm('2026-11-24T14:00:00');
    const { ticket, event } = applyAction(before, sample.transfer, ctx({ now }));
    expect(ticket).toMatchObject({ status: 'assigned', departmentId: 'ward-b', transferCount: 1, assignedAt: now.toISOString(), overdue: false, escalated: false, ...deadlines(plain, 'normal', now, noHolidays) });
    for (const gone of ['ackOverdue', 'escalatedTo', 'acknowledgedAt', 'transferLimitReached'] as const) expect(ticket).not.toHaveProperty(gone);
    expect(transferLimitReached(ticket)).toBe(false);
    expect(event.data).toEqual({ from: 'ward-a', to: 'ward-b', reason: 'Their street', transferCount: 1 });
  });

  it('refuses the same department (422), an unknown one (400) and an inactive one (422)', () => {
    const t = ticketIn('assigned');
    expect(() => applyAction(t, { ...sample.transfer, toDepartmentId: 'ward-a' } as TicketAction, ctx({ transfer: { target: dept('ward-a') } }))).toThrow(expect.objectContaining({ rule: 'transfer_same_department' }));
    expect(() => applyAction(t, { ...sample.transfer, toDepartmentId: 'nope' } as TicketAction, ctx({ transfer: {} }))).toThrow(
      expect.objectContaining({ kind: 'validation', errors: [{ path: 'body.toDepartmentId', message: 'unknown department "nope"' }] }),
    );
    expect(() => applyAction(t, sample.transfer, ctx({ transfer: { target: dept('ward-b', undefined, false) } }))).toThrow(expect.objectContaining({ rule: 'transfer_target_inactive' }));
  });

  it('sends the third transfer to the parent unit of the department passing it on, flagged', () => {
    const { ticket, event } = applyAction(ticketIn('in_progress', { transferCount: 2 }), sample.transfer, ctx());
    expect(ticket).toMatchObject({ departmentId: 'district-x', transferCount: 3, status: 'assigned' });
    expect(transferLimitReached(ticket)).toBe(true);
    expect(event.data).toEqual({ from: 'ward-a', to: 'district-x', requestedTo: 'ward-b', reason: 'Their street', transferCount: 3, limitReached: true });
  });

  it('climbs one unit per transfer past the limit and stops at the top', () => {
    const atDistrict = ticketIn('assigned', { transferCount: 3, departmentId: 'district-x' });
    const up = applyAction(atDistrict, sample.transfer, ctx({ transfer: { target: dept('ward-b'), current: dept('district-x', 'city'), parentOfCurrent: dept('city') } }));
    expect(up.ticket.departmentId).toBe('city');
    const atTop = ticketIn('assigned', { transferCount: 4, departmentId: 'city' });
    expect(() => applyAction(atTop, sample.transfer, ctx({ transfer: { target: dept('ward-b'), current: dept('city') } }))).toThrow(expect.objectContaining({ kind: 'invalid_state', rule: 'transfer_limit' }));
  });
});

describe('reject', () => {
  it('tells the citizen where to file a formal complaint', () => {
    const { ticket, event } = applyAction(ticketIn('assigned'), { action: 'reject', reasonCode: 'complaint_procedure', message: 'This contests a fine' }, ctx());
    expect(ticket).toMatchObject({ status: 'rejected', closedAt: later.toISOString(), rejection: { reasonCode: 'complaint_procedure', complaintProcedure: complaintProcedureGuidance } });
    expect(event.data).toMatchObject({ reasonCode: 'complaint_procedure', complaintProcedure: complaintProcedureGuidance, onTime: true });
  });

  it('requires an existing other ticket for a duplicate, and no duplicateOf otherwise', () => {
    const t = ticketIn('in_progress');
    const dup = (duplicateOf?: string) => ({ action: 'reject', reasonCode: 'duplicate', message: 'Same pothole', ...(duplicateOf ? { duplicateOf } : {}) }) as TicketAction;
    expect(() => applyAction(t, dup(), ctx())).toThrow(expect.objectContaining({ kind: 'validation' }));
    expect(() => applyAction(t, dup(t.id), ctx())).toThrow(expect.objectContaining({ kind: 'validation' }));
    expect(() => applyAction(t, dup('01KOTHER000000000000000000'), ctx({ duplicateExists: false }))).toThrow(expect.objectContaining({ kind: 'validation' }));
    expect(applyAction(t, dup('01KOTHER000000000000000000'), ctx()).ticket.rejection).toMatchObject({ reasonCode: 'duplicate', duplicateOf: '01KOTHER000000000000000000' });
    // The original's reference, when the use case found one, goes with the rejection and its event.
    const named = applyAction(t, dup('01KOTHER000000000000000000'), ctx({ duplicateRef: 'HN-261204-0001' }));
    expect(named.ticket.rejection).toMatchObject({ duplicateOf: '01KOTHER000000000000000000', duplicateOfRef: 'HN-261204-0001' });
    expect(named.event.data).toMatchObject({ duplicateOf: '01KOTHER000000000000000000', duplicateOfRef: 'HN-261204-0001' });
    expect(() => applyAction(t, { action: 'reject', reasonCode: 'spam', message: 'x', duplicateOf: '01KOTHER000000000000000000' }, ctx())).toThrow(expect.objectContaining({ kind: 'validation' }));
  });
});

describe('set_severity', () => {
  it('recomputes the deadlines from the assignment, so toggling buys no time', () => {
    const before = ticketIn('in_progress');
    const { ticket, event } = applyAction(before, sample.set_severity, ctx({ now: hcm('2026-11-25T09:00:00') }));
    expect(ticket).toMatchObject({ severity: 'urgent', ...deadlines(plain, 'urgent', monday9, noHolidays) });
    expect(event.data).toEqual({ from: 'normal', to: 'urgent', dueAt: ticket.dueAt });
    const back = applyAction(ticket, { action: 'set_severity', severity: 'normal' }, ctx()).ticket;
    expect(back.dueAt).toBe(before.dueAt);
  });

  it('refuses the severity the ticket already has', () => {
    expect(() => applyAction(ticketIn('assigned'), { action: 'set_severity', severity: 'normal' }, ctx())).toThrow(expect.objectContaining({ rule: 'severity_unchanged' }));
  });
});

describe('note and close', () => {
  it('a note changes nothing but the version and is internal', () => {
    const before = ticketIn('closed');
    const { ticket, event } = applyAction(before, sample.note, ctx());
    expect(ticket).toEqual({ ...before, version: 2, updatedAt: later.toISOString() });
    expect(event).toMatchObject({ type: 'note_added', visibility: 'internal', data: { message: 'Called the contractor' } });
  });

  it('close ends a responded ticket', () => {
    expect(applyAction(ticketIn('responded'), sample.close, ctx()).ticket).toMatchObject({ status: 'closed', closedAt: later.toISOString() });
  });
});

describe('claim and release', () => {
  const held = (userId = 's-1') => ({ assignee: { userId, name: 'Bình', since: monday9.toISOString() } });

  it('claim makes the caller the assignee, with their name, and changes nothing else', () => {
    const before = ticketIn('in_progress');
    const { ticket, event } = applyAction(before, sample.claim, ctx({ caller: { departmentId: 'ward-a', name: 'Bình' } }));
    expect(ticket).toEqual({ ...before, version: 2, updatedAt: later.toISOString(), assignee: { userId: 's-1', name: 'Bình', since: later.toISOString() } });
    expect(event).toMatchObject({ type: 'claimed', visibility: 'internal', data: { assignee: { userId: 's-1', name: 'Bình' } } });
  });

  it('only the staff of the ticket’s department claim: another unit’s staff and admins are refused (403)', () => {
    const t = ticketIn('assigned');
    expect(() => applyAction(t, sample.claim, ctx({ caller: { departmentId: 'ward-b' } }))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => applyAction(t, sample.claim, ctx({ caller: {} }))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => applyAction(t, sample.claim, ctx({ actor: { id: 'adm', role: 'admin' }, caller: { departmentId: 'ward-a' } }))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });

  it('a held ticket cannot be claimed again, by its holder or by a colleague (422)', () => {
    expect(() => applyAction(ticketIn('assigned', held()), sample.claim, ctx())).toThrow(expect.objectContaining({ rule: 'already_assignee' }));
    expect(() => applyAction(ticketIn('assigned', held('s-2')), sample.claim, ctx())).toThrow(expect.objectContaining({ rule: 'claimed_by_other' }));
  });

  it('release: by the holder or an admin; not by a colleague (403); nothing to release is 422', () => {
    const { ticket, event } = applyAction(ticketIn('in_progress', held()), sample.release, ctx());
    expect(ticket).not.toHaveProperty('assignee');
    expect(event).toMatchObject({ type: 'released', visibility: 'internal', data: { assignee: { userId: 's-1', name: 'Bình' } } });
    expect(applyAction(ticketIn('in_progress', held()), sample.release, ctx({ actor: { id: 'adm', role: 'admin' } })).ticket).not.toHaveProperty('assignee');
    expect(() => applyAction(ticketIn('in_progress', held('s-2')), sample.release, ctx())).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => applyAction(ticketIn('in_progress'), sample.release, ctx())).toThrow(expect.objectContaining({ rule: 'not_claimed' }));
  });

  it('a transfer clears the assignee: the receiving unit’s people pick it up', () => {
    expect(applyAction(ticketIn('in_progress', held()), sample.transfer, ctx()).ticket).not.toHaveProperty('assignee');
    // a state change inside the unit keeps the holder
    expect(applyAction(ticketIn('assigned', held()), sample.acknowledge, ctx()).ticket.assignee).toEqual(held().assignee);
  });
});
