/** The SLA sweep (shared/app/sla-sweep.ts) against the in-memory ports, at chosen instants. */
import { describe, expect, it } from 'vitest';
import { runSlaSweep } from '../../../shared/app/sla-sweep.js';
import { actOnTicket } from '../../../shared/app/workflow.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

// Opened Wed 2026-12-02 10:00 local: acknowledge by Thu 10:00, answer by Wed 12-09 10:00, escalate a working day later.
const opened = new Date('2026-12-02T03:00:00.000Z');
const afterAck = new Date('2026-12-03T04:00:00.000Z');
const afterEscalation = new Date('2026-12-11T03:00:00.000Z');

describe('runSlaSweep', () => {
  it('flags a missed acknowledgement once: a second run at the same instant reads and writes nothing', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    const first = await runSlaSweep(deps, { now: afterAck });
    expect(first).toMatchObject({ now: afterAck.toISOString(), examined: 1, skipped: [], complete: true });
    expect(first.changes).toEqual([{ ticketId: ticket.id, type: 'ack_overdue', version: 2, departmentId: 'ward-00001' }]);
    expect(await deps.tickets.get(ticket.id)).toMatchObject({ ackOverdue: true, overdue: false, version: 2 });
    const writes = deps.state.ticketWrites;
    expect(await runSlaSweep(deps, { now: afterAck })).toMatchObject({ examined: 0, changes: [] });
    expect(deps.state.ticketWrites).toBe(writes);
  });

  it('takes every step a long-missed ticket owes in one run, escalating to the parent unit', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    const result = await runSlaSweep(deps, { now: afterEscalation });
    expect(result.changes.map((c) => [c.type, c.version])).toEqual([['ack_overdue', 2], ['overdue', 3], ['escalated', 4]]);
    expect(result.changes[2]).toMatchObject({ escalatedTo: 'district-001' });
    expect(await deps.tickets.get(ticket.id)).toMatchObject({ overdue: true, escalated: true, overdueCount: 1, departmentId: 'ward-00001' });
    const events = await deps.tickets.events(ticket.id);
    expect(events.slice(1).map((e) => [e.type, e.at, e.actor.id])).toEqual([
      ['ack_overdue', afterEscalation.toISOString(), 'sla-sweep'],
      ['overdue', afterEscalation.toISOString(), 'sla-sweep'],
      ['escalated', afterEscalation.toISOString(), 'sla-sweep'],
    ]);
  });

  it('runs as of the clock when given no instant, and leaves what is not yet due', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    deps.clock.set(new Date(Date.parse(ticket.ackDueAt) - 1));
    expect(await runSlaSweep(deps)).toMatchObject({ now: deps.clock.now().toISOString(), examined: 0, changes: [] });
    // strictly after the deadline, not at it
    deps.clock.set(ticket.ackDueAt);
    expect((await runSlaSweep(deps)).changes).toEqual([]);
    deps.clock.advance(1);
    expect((await runSlaSweep(deps)).changes.map((c) => c.type)).toEqual(['ack_overdue']);
  });

  it('closes an answer the citizen left unrated for seven days', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { overrides: { status: 'responded', respondedAt: opened.toISOString() } });
    expect((await runSlaSweep(deps, { now: new Date('2026-12-09T02:59:59.999Z') })).changes).toEqual([]);
    const result = await runSlaSweep(deps, { now: new Date('2026-12-09T03:00:00.001Z') });
    expect(result.changes.map((c) => c.type)).toEqual(['auto_closed']);
    expect(await deps.tickets.get(ticket.id)).toMatchObject({ status: 'closed', closedAt: '2026-12-09T03:00:00.001Z' });
  });

  it('leaves a ticket that staff changed meanwhile for the next run', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps);
    const update = deps.tickets.update.bind(deps.tickets);
    let raced = false;
    deps.tickets.update = async (next, event, expected, attach) => {
      if (!raced) {
        raced = true;
        await actOnTicket(deps, { userId: 'staff-1', role: 'staff', departmentId: 'ward-00001' }, ticket.id, { action: 'acknowledge', expectedVersion: 1 });
      }
      return update(next, event, expected, attach);
    };
    const result = await runSlaSweep(deps, { now: afterAck });
    expect(result).toMatchObject({ changes: [], skipped: [{ ticketId: ticket.id, reason: 'version_conflict' }] });
    expect((await deps.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created', 'acknowledged']);
  });

  it('stops between pages when asked and says the run is not complete', async () => {
    const deps = memoryDependencies();
    await putTicket(deps);
    await putTicket(deps);
    await putTicket(deps);
    const result = await runSlaSweep(deps, { now: afterAck, pageSize: 1, shouldStop: () => true });
    expect(result).toMatchObject({ examined: 1, complete: false });
    expect(result.changes).toHaveLength(1);
    const rest = await runSlaSweep(deps, { now: afterAck, pageSize: 1 });
    expect(rest).toMatchObject({ examined: 2, complete: true });
    expect(rest.changes).toHaveLength(2);
  });
});
