/** Following tickets and merging a duplicate's people into its original (shared/app/following.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { follow, mergeDuplicate, unfollow, type RejectedEvent } from '../../../shared/app/following.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import type { Principal } from '../../../shared/domain/principal.js';
import { memoryDependencies, putTicket } from '../../support/memory.js';

const binh: Principal = { userId: 'binh', role: 'citizen' };
const chi: Principal = { userId: 'chi', role: 'citizen' };

describe('follow / unfollow', () => {
  it('counts each follower once, however often or however many at once they follow', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    expect(await follow(deps, binh, ticket.id)).toEqual({ following: true, followers: 1 });
    const again = await Promise.all([follow(deps, binh, ticket.id), follow(deps, binh, ticket.id), follow(deps, chi, ticket.id)]);
    expect(again.map((r) => r.followers)).toEqual([1, 1, 2]);
    expect((await deps.tickets.get(ticket.id))!.followers).toBe(2);
    expect(await deps.followers.followersOf(ticket.id)).toEqual(['binh', 'chi']);
  });

  it('unfollowing twice, or when never following, leaves the count right', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    await follow(deps, binh, ticket.id);
    await follow(deps, chi, ticket.id);
    expect(await unfollow(deps, binh, ticket.id)).toEqual({ following: false, followers: 1 });
    expect(await unfollow(deps, binh, ticket.id)).toEqual({ following: false, followers: 1 });
    expect(await unfollow(deps, { userId: 'dung', role: 'citizen' }, ticket.id)).toEqual({ following: false, followers: 1 });
  });

  it('a follow does not move the ticket’s version, and a later versioned write keeps the count', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { input: { visibility: 'public' } });
    await follow(deps, binh, ticket.id);
    const stored = (await deps.tickets.get(ticket.id))!;
    expect(stored.version).toBe(1);
    // a writer that read before the follow still writes at version 1, and the follow survives it
    await deps.tickets.update({ ...ticket, version: 2, status: 'in_progress' }, { eventId: 'e2', ticketId: ticket.id, version: 2, type: 'acknowledged', at: ticket.createdAt, actor: { id: 's', role: 'staff' }, visibility: 'public', data: {} }, 1);
    expect(await deps.tickets.get(ticket.id)).toMatchObject({ version: 2, followers: 1 });
  });

  it('someone else’s private ticket cannot be followed: it does not exist for them', async () => {
    const deps = memoryDependencies();
    const ticket = await putTicket(deps, { citizenId: 'an' });
    await expect(follow(deps, binh, ticket.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(unfollow(deps, binh, ticket.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await deps.followers.followersOf(ticket.id)).toEqual([]);
    // its owner may follow their own
    expect(await follow(deps, { userId: 'an', role: 'citizen' }, ticket.id)).toEqual({ following: true, followers: 1 });
  });
});

describe('mergeDuplicate', () => {
  const rejected = (ticketId: string, data: Record<string, unknown>, citizenId = 'chi'): RejectedEvent => ({ eventId: `ev-${ticketId}`, ticketId, type: 'rejected', data, ticket: { citizenId } });

  it('makes the duplicate’s owner and followers followers of the original, once even when the event comes twice', async () => {
    const deps = memoryDependencies();
    const original = await putTicket(deps, { citizenId: 'an', input: { visibility: 'public' } });
    const duplicate = await putTicket(deps, { citizenId: 'chi', input: { visibility: 'public' } });
    await follow(deps, binh, duplicate.id);
    await follow(deps, binh, original.id);
    const event = rejected(duplicate.id, { reasonCode: 'duplicate', duplicateOf: original.id });
    expect(await mergeDuplicate(deps, event)).toEqual({ moved: ['chi'] });
    expect(await mergeDuplicate(deps, event)).toEqual({ moved: [] });
    expect((await deps.followers.followersOf(original.id)).sort()).toEqual(['binh', 'chi']);
    expect((await deps.tickets.get(original.id))!.followers).toBe(2);
    expect(deps.state.followers.get(original.id)!.get('chi')!.via).toEqual({ kind: 'duplicate', from: duplicate.id });
  });

  it('ignores every other rejection and every other event', async () => {
    const deps = memoryDependencies();
    const original = await putTicket(deps);
    expect(await mergeDuplicate(deps, rejected('T1', { reasonCode: 'spam', duplicateOf: original.id }))).toBeUndefined();
    expect(await mergeDuplicate(deps, rejected('T1', { reasonCode: 'duplicate' }))).toBeUndefined();
    expect(await mergeDuplicate(deps, { ...rejected('T1', { reasonCode: 'duplicate', duplicateOf: original.id }), type: 'responded' })).toBeUndefined();
    expect(await deps.followers.followersOf(original.id)).toEqual([]);
  });
});
