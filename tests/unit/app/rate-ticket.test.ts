/**
 * The rating use case with in-memory ports: what it does when the same rating arrives twice
 * at once (the app retried before it saw the first answer).
 */
import { describe, expect, it } from 'vitest';
import { rateTicket } from '../../../shared/app/rate-ticket.js';
import type { Dependencies, TicketStore } from '../../../shared/app/ports.js';
import { VersionConflictError } from '../../../shared/domain/errors.js';
import { applyRating } from '../../../shared/domain/rating.js';
import { openTicket, type Ticket } from '../../../shared/domain/ticket.js';
import { categories } from '../../support/tickets.js';

const now = new Date('2026-12-02T03:00:00Z');
const owner = { userId: 'citizen-1', role: 'citizen' as const };
const { ticket: opened } = openTicket({
  id: '01JTESTTICKET00000000000000',
  ref: 'HN-261123-0001',
  eventId: '01JTESTEVENT000000000000000',
  now,
  citizen: owner,
  input: { category: categories.plain.code, description: 'Đèn đường hỏng trước số 12', location: { wardCode: '00001' } },
  category: categories.plain,
  routing: { departmentId: 'ward-00001', ruleId: null },
  calendar: { holidays: new Set() },
});
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
