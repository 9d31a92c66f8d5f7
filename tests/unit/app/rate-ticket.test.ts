/**
 * The rating use case with in-memory ports: what it does when the same rating arrives twice
 * at once (the app retried before it saw the first answer).
 */
import { describe, expect, it } from 'vitest';
import { rateTicket } from '../../../shared/app/rate-ticket.js';
import type { Dependencies, TicketStore } from '../../../shared/app/ports.js';
import { InvalidStateError, NotFoundError, VersionConflictError } from '../../../shared/domain/errors.js';
import { applyRating } from '../../../shared/domain/rating.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { memoryDependencies, putTicket, type MemoryDependencies } from '../../support/memory.js';
import { categories, newTicket } from '../../support/ticket-fixture.js';

const now = new Date('2026-12-02T03:00:00Z');
const owner = { userId: 'citizen-1', role: 'citizen' as const };
const { ticket: opened } = newTicket({ id: '01JTESTTICKET00000000000000', ref: 'HN-261123-0001', eventId: '01JTESTEVENT000000000000000', now, citizen: owner });
const responded: Ticket = { ...opened, status: 'responded', version: 3, respondedAt: now.toISOString() };

/** A store whose reads return the given tickets in turn and whose one write loses the race. */
function racingStore(reads: Ticket[]): TicketStore {
  const queue = [...reads];
  return {
    get: async () => queue.shift(),
    update: async () => {
      throw new VersionConflictError(responded.version + 2);
    },
  } as unknown as TicketStore;
}

function deps(tickets: TicketStore): Parameters<typeof rateTicket>[0] {
  let n = 0;
  return {
    tickets,
    reference: { category: async () => categories.plain, calendar: async () => ({ holidays: new Set<string>() }) } as unknown as Dependencies['reference'],
    departments: { get: async () => undefined } as unknown as Dependencies['departments'],
    ids: { next: () => `01JTESTID${String(++n).padStart(17, '0')}` },
    clock: { now: () => now },
  };
}

describe('rate', () => {
  const input = { rating: 'satisfied' as const, comment: 'Đã sửa xong' };
  const winner = applyRating(responded, input, { now, eventIds: ['e1', 'e2'], actor: { id: owner.userId, role: 'citizen' }, category: categories.plain, calendar: { holidays: new Set() } }).ticket;

  it('answers the loser of two identical ratings sent at once with what the winner wrote', async () => {
    const result = await rateTicket(deps(racingStore([responded, winner])), owner, responded.id, input);
    expect(result).toEqual(winner);
  });

  it('still reports a conflict when the winner rated differently', async () => {
    const other = applyRating(responded, { rating: 'acceptable' }, { now, eventIds: ['e1', 'e2'], actor: { id: owner.userId, role: 'citizen' }, category: categories.plain, calendar: { holidays: new Set() } }).ticket;
    await expect(rateTicket(deps(racingStore([responded, other])), owner, responded.id, input)).rejects.toBeInstanceOf(VersionConflictError);
  });
});

describe('rate, against the in-memory store', () => {
  const answered = (deps: MemoryDependencies, reopenCount = 0) =>
    putTicket(deps, { overrides: { status: 'responded', respondedAt: deps.clock.now().toISOString(), reopenCount } });

  it('a satisfied rating closes the ticket in one write of two versions', async () => {
    const deps = memoryDependencies();
    const ticket = await answered(deps);
    const after = await rateTicket(deps, owner, ticket.id, { rating: 'satisfied' });
    expect(after).toMatchObject({ status: 'closed', version: 3, rating: { value: 'satisfied' } });
    expect((await deps.tickets.events(ticket.id)).map((e) => [e.version, e.type])).toEqual([[1, 'created'], [2, 'rated'], [3, 'closed']]);
    expect(deps.state.ticketWrites).toBe(2);
  });

  it('the first “not satisfied” reopens it where it was; the second sends it to the parent unit', async () => {
    const deps = memoryDependencies();
    const first = await rateTicket(deps, owner, (await answered(deps)).id, { rating: 'not_satisfied', comment: 'Vẫn còn ổ gà' });
    expect(first).toMatchObject({ status: 'in_progress', departmentId: 'ward-00001', reopenCount: 1 });
    const again = await rateTicket(deps, owner, (await answered(deps, 1)).id, { rating: 'not_satisfied' });
    expect(again).toMatchObject({ status: 'assigned', departmentId: 'district-001', reopenCount: 2 });
  });

  it('the same rating sent twice at once: both get the one result, written once', async () => {
    const deps = memoryDependencies();
    const ticket = await answered(deps);
    const input = { rating: 'acceptable' as const, comment: 'Tạm được' };
    const [a, b] = await Promise.all([rateTicket(deps, owner, ticket.id, input), rateTicket(deps, owner, ticket.id, input)]);
    expect(a).toEqual(b);
    expect((await deps.tickets.events(ticket.id)).map((e) => e.type)).toEqual(['created', 'rated', 'closed']);
  });

  it('a retry after the answer was lost returns the stored result and writes nothing', async () => {
    const deps = memoryDependencies();
    const ticket = await answered(deps);
    const first = await rateTicket(deps, owner, ticket.id, { rating: 'satisfied' });
    const writes = deps.state.ticketWrites;
    expect(await rateTicket(deps, owner, ticket.id, { rating: 'satisfied' })).toEqual(first);
    expect(deps.state.ticketWrites).toBe(writes);
  });

  it('two different ratings at once: one wins, the other is a version conflict', async () => {
    const deps = memoryDependencies();
    const ticket = await answered(deps);
    const results = await Promise.allSettled([rateTicket(deps, owner, ticket.id, { rating: 'satisfied' }), rateTicket(deps, owner, ticket.id, { rating: 'not_satisfied' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
  });

  it('another citizen’s ticket does not exist; an unanswered one cannot be rated', async () => {
    const deps = memoryDependencies();
    const ticket = await answered(deps);
    await expect(rateTicket(deps, { userId: 'citizen-2', role: 'citizen' }, ticket.id, { rating: 'satisfied' })).rejects.toBeInstanceOf(NotFoundError);
    const open = await putTicket(deps);
    await expect(rateTicket(deps, owner, open.id, { rating: 'satisfied' })).rejects.toBeInstanceOf(InvalidStateError);
    expect(await deps.tickets.get(open.id)).toEqual(open);
  });
});
