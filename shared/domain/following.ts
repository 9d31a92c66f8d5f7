/**
 * "Me too": citizens following a ticket. Following is not a change to the ticket (no version,
 * no event in its history): the count lives beside the version, so a follow never makes a
 * staff member's action a 409.
 */
import type { Principal } from './principal.js';
import type { Ticket } from './ticket.js';

/** A citizen may follow a public ticket or their own; anything else is a 404, as for reads. */
export function canFollow(ticket: Pick<Ticket, 'visibility' | 'citizenId'>, who: Principal): boolean {
  return who.role === 'citizen' && (ticket.visibility === 'public' || ticket.citizenId === who.userId);
}

/** How someone came to follow a ticket: by asking, or because their report (or one they followed) was merged into it. */
export type FollowVia = { kind: 'follow' } | { kind: 'duplicate'; from: string };

export interface Follower {
  ticketId: string;
  userId: string;
  at: string;
  via: FollowVia['kind'];
  /** via duplicate: the rejected duplicate they came from. */
  from?: string;
}
