/** Reading tickets (shared/app/read-tickets.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { getTicketByRef, listMyTickets } from '../../../shared/app/read-tickets.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

describe('getTicketByRef', () => {
  it('finds a ticket by the reference read aloud, for whoever may see it, and for no one else', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { citizenId: 'an' });
    expect((await getTicketByRef(deps, { userId: 'an', role: 'citizen' }, ticket.ref.toLowerCase())).id).toBe(ticket.id);
    expect((await getTicketByRef(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001' }, ticket.ref)).id).toBe(ticket.id);
    for (const [who, ref] of [
      [{ userId: 'binh', role: 'citizen' as const }, ticket.ref],
      [{ userId: 's', role: 'staff' as const, departmentId: 'ward-00037' }, ticket.ref],
      [{ userId: 'an', role: 'citizen' as const }, 'HN-261202-9999'],
      [{ userId: 'an', role: 'citizen' as const }, 'not a reference'],
    ] as const) {
      await expect(getTicketByRef(deps, who, ref), `${who.userId} ${ref}`).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('listMyTickets', () => {
  it('lists the caller’s own tickets, newest first, page by page, with a status filter', async () => {
    const deps = memoryDependencies();
    const a = await putTicket(deps, { citizenId: 'an' });
    const b = await putTicket(deps, { citizenId: 'an', overrides: { status: 'responded' } });
    const c = await putTicket(deps, { citizenId: 'an' });
    await putTicket(deps, { citizenId: 'binh' });
    const an = { userId: 'an', role: 'citizen' as const };
    const first = await listMyTickets(deps, an, { limit: 2 });
    expect(first.items.map((t) => t.id)).toEqual([c.id, b.id]);
    const second = await listMyTickets(deps, an, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    expect((await listMyTickets(deps, an, { limit: 10, status: 'responded' })).items.map((t) => t.id)).toEqual([b.id]);
  });
});
