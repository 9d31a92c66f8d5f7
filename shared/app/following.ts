/** Citizens following tickets ("me too"), and the merge of a duplicate into its original. */
import { NotFoundError } from '../domain/errors.js';
import { canFollow } from '../domain/following.js';
import type { Principal } from '../domain/principal.js';
import type { Dependencies } from './ports.js';

type Deps = Pick<Dependencies, 'tickets' | 'followers' | 'clock'>;

async function followable(deps: Deps, who: Principal, id: string) {
  const ticket = await deps.tickets.get(id);
  // Private tickets of others are not there, as for every read.
  if (!ticket || !canFollow(ticket, who)) throw new NotFoundError(`No ticket ${id}.`);
  return ticket;
}

/** Idempotent: following twice (or twice at once) leaves one follower. */
export async function follow(deps: Deps, who: Principal, id: string): Promise<{ following: true; followers: number }> {
  const ticket = await followable(deps, who, id);
  const result = await deps.followers.add(ticket.id, [who.userId], { kind: 'follow' }, deps.clock.now());
  if (result.followers === undefined) throw new NotFoundError(`No ticket ${id}.`);
  return { following: true, followers: result.followers };
}

/** Idempotent: unfollowing when not following is a no-op. */
export async function unfollow(deps: Deps, who: Principal, id: string): Promise<{ following: false; followers: number }> {
  const ticket = await followable(deps, who, id);
  const result = await deps.followers.remove(ticket.id, who.userId, deps.clock.now());
  if (result.followers === undefined) throw new NotFoundError(`No ticket ${id}.`);
  return { following: false, followers: result.followers };
}

/** What the merge step reads of a `rejected` event. */
export interface RejectedEvent {
  eventId: string;
  ticketId: string;
  type: string;
  data: Record<string, unknown>;
  ticket: { citizenId: string };
}

/**
 * A ticket rejected as a duplicate: its owner and followers become followers of the original.
 * Idempotent (each is added once), so a redelivered event changes nothing.
 */
export async function mergeDuplicate(deps: Pick<Dependencies, 'followers' | 'clock'>, event: RejectedEvent): Promise<{ moved: string[] } | undefined> {
  const original = typeof event.data.duplicateOf === 'string' ? event.data.duplicateOf : undefined;
  if (event.type !== 'rejected' || event.data.reasonCode !== 'duplicate' || !original) return undefined;
  const people = [event.ticket.citizenId, ...(await deps.followers.followersOf(event.ticketId))];
  const result = await deps.followers.add(original, people, { kind: 'duplicate', from: event.ticketId }, deps.clock.now());
  return { moved: result.added };
}
