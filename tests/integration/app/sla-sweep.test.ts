import { openPartitions } from '../../../shared/adapters/dynamodb/ticket-items.js';
import { MIN_QUERY_READ_UNITS } from '../../../shared/adapters/dynamodb/query-shards.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { dependencies } from '../../../shared/adapters/dependencies.js';
import { dynamoTicketStore } from '../../../shared/adapters/dynamodb/ticket-store.js';
import type { Dependencies } from '../../../shared/app/ports.js';
import { runSlaSweep } from '../../../shared/app/sla-sweep.js';
import { applyAction } from '../../../shared/domain/workflow.js';
import { createTestTable } from '../../support/table.js';
import { categories, department, putDepartments, putWorkflowReference, seedTicket, snapshot, ulid } from '../../support/tickets.js';

const base = new Date('2026-11-23T08:00:00+07:00');
const later = new Date('2026-11-24T08:00:00+07:00'); // past the acknowledgement deadline of tickets created at `base`

beforeAll(async () => {
  await createTestTable({ seed: false });
  await putWorkflowReference();
  await putDepartments([department('i-a'), department('i-b'), department('i-c')]);
});

describe('runSlaSweep', () => {
  it('skips a ticket a staff member changed after the sweep read it, and takes it up on the next run', async () => {
    const ticket = await seedTicket({ departmentId: 'i-a', now: base });
    let raced = false;
    const racing: Dependencies['tickets'] = {
      ...dynamoTicketStore,
      async update(next, event, expected) {
        if (!raced) {
          raced = true; // a staff note lands between the sweep's read and its write
          const note = applyAction(ticket, { action: 'note', message: 'on it' }, { now: later, eventId: ulid(), actor: { id: 's', role: 'staff' }, category: categories.plain, calendar: { holidays: new Set() } });
          await dynamoTicketStore.update(note.ticket, note.event, 1);
        }
        return dynamoTicketStore.update(next, event, expected);
      },
    };
    const first = await runSlaSweep({ ...dependencies, tickets: racing }, { now: later });
    expect(first.changes).toEqual([]);
    expect(first.skipped).toEqual([{ ticketId: ticket.id, reason: 'version_conflict' }]);
    expect((await snapshot(ticket.id)).item).toMatchObject({ version: 2 });
    expect((await snapshot(ticket.id)).item).not.toHaveProperty('ackOverdue');

    const second = await runSlaSweep(dependencies, { now: later });
    expect(second.changes).toEqual([{ ticketId: ticket.id, type: 'ack_overdue', version: 3, departmentId: 'i-a' }]);
    expect((await snapshot(ticket.id)).events!.map((e) => e.type)).toEqual(['created', 'note_added', 'ack_overdue']);
  });

  it('reads only tickets with something due: flat with closed tickets', async () => {
    const due = await Promise.all([1, 2, 3].map(() => seedTicket({ departmentId: 'i-b', now: base })));
    await Promise.all(Array.from({ length: 40 }, () => seedTicket({ departmentId: 'i-b', now: base, overrides: { status: 'closed' } })));
    await Promise.all(Array.from({ length: 5 }, () => seedTicket({ departmentId: 'i-b', now: new Date('2026-12-20T08:00:00+07:00') })));
    const result = await runSlaSweep(dependencies, { now: later });
    expect(result.examined).toBe(3);
    expect(result.changes.map((c) => c.ticketId).sort()).toEqual(due.map((t) => t.id).sort());
    expect(result.readUnits).toBeGreaterThan(0);
    // billed units: every gsi3 shard's Query costs at least 0.5 (an empty one too), and the 3 due
    // tickets fit one 4 KB unit; reading the 40 closed ones too would cost ~7 more
    expect(result.readUnits).toBeLessThanOrEqual(openPartitions().length * MIN_QUERY_READ_UNITS + 1);
  });

  it('stops between pages when told to, and the next run carries on', async () => {
    await runSlaSweep(dependencies, { now: new Date('2027-06-01T00:00:00Z') }); // settles every earlier ticket for good
    const t = await Promise.all([1, 2, 3, 4, 5].map(() => seedTicket({ departmentId: 'i-c', now: new Date('2027-01-04T08:00:00+07:00') })));
    const now = new Date('2027-01-05T08:00:00+07:00');
    const partial = await runSlaSweep(dependencies, { now, pageSize: 2, shouldStop: () => true });
    expect(partial.complete).toBe(false);
    expect(partial.changes).toHaveLength(2);
    const rest = await runSlaSweep(dependencies, { now, pageSize: 2 });
    expect(rest.complete).toBe(true);
    expect([...partial.changes, ...rest.changes].map((c) => c.ticketId).sort()).toEqual(t.map((x) => x.id).sort());
  });
});
