/** Tickets: their item and events (TicketStore), reads across many through the indexes (TicketQueries, GeoQueries), followers. */
import type { FollowVia } from '../domain/following.js';
import type { QueueFilter } from '../domain/queue.js';
import type { Ticket, TicketEvent, TicketStatus } from '../domain/ticket.js';
import type { UploadPurpose } from '../domain/upload.js';
import type { Page, PageRequest } from './core-ports.js';
import type { NearbyEntry } from '../domain/nearby.js';

/** A department queue's order: soonest due first (default), or most followed first. */
export type QueueSort = 'due' | 'followers';

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
  /** Epoch seconds after which the key may be reused. */
  expiresAt: number;
}

export interface IdempotencyRecord {
  ticketId: string;
  requestHash: string;
}

/** The ticket item and its events: every write (versioned, with its events, in one transaction) and the reads that serve one citizen, the public feed or a batch job. The workflow's index reads are TicketQueries. */
export interface TicketStore {
  /**
   * Writes the ticket, its first event, its reference and (if given) the idempotency claim
   * atomically. Throws `IdempotencyKeyTakenError` when the key is already claimed,
   * `RefTakenError` when the reference is.
   */
  create(ticket: Ticket, event: TicketEvent, claim?: IdempotencyClaim, attach?: AttachUploads): Promise<void>;
  get(id: string): Promise<Ticket | undefined>;
  /** The next sequence number of a reference prefix on a local day (`YYMMDD`): each number is handed out once. */
  nextRefSequence(prefix: string, day: string): Promise<number>;
  /** The id of the ticket a reference names. */
  idOfRef(ref: string): Promise<string | undefined>;
  /**
   * Writes a changed ticket and the event(s) of that change (one per version after
   * `expectedVersion`) in one transaction, only if the stored version is still `expectedVersion`. Throws
   * VersionConflictError (with the current version) or NotFoundError.
   */
  update(ticket: Ticket, event: TicketEvent | readonly TicketEvent[], expectedVersion: number, attach?: AttachUploads): Promise<void>;
  idempotencyRecord(citizenId: string, key: string, now: Date): Promise<IdempotencyRecord | undefined>;
  listByCitizen(citizenId: string, page: PageRequest & { status?: TicketStatus }): Promise<Page<Ticket>>;
  /** Processed tickets left public, newest first; `area` is a province, district or ward code. */
  listPublic(page: PageRequest & { area?: string; category?: string }): Promise<Page<Ticket>>;
  /** Tickets received on a local day (reconciliation). */
  receivedOn(day: string): Promise<Ticket[]>;
  /** A ticket's events, oldest first. */
  events(ticketId: string): Promise<TicketEvent[]>;
}

/** The reference is already some ticket's (a counter was reset or lost): allocate another. */
export class RefTakenError extends Error {
  constructor(readonly ref: string) {
    super(`reference ${ref} already taken`);
  }
}

/**
 * Uploads that flip from ready to attached inside the ticket's transaction, under the condition
 * that each is still ready, the caller's and of `purpose`. A lost race is a ValidationError on `field`.
 */
export interface AttachUploads {
  uploadIds: readonly string[];
  ownerId: string;
  purpose: UploadPurpose;
  field: string;
}

export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('idempotency key already claimed');
  }
}

/** A scope as a condition on the ticket: its district, its ward or its current department. */
export type ScopeWhere = { field: 'districtCode' | 'wardCode' | 'departmentId'; value: string };

/** Reads across many tickets through the secondary indexes (queues, days, deadlines, history); never writes, never scans. */
export interface TicketQueries {
  /** A department's queue (gsi2), soonest due first: open tickets, or done ones with `done`. */
  departmentQueue(
    departmentId: string,
    query: PageRequest & QueueFilter & { done: boolean; sort?: QueueSort; now: Date },
  ): Promise<Page<Ticket>>;
  /** Tickets received on a local day (gsi4), a page at a time, optionally only where `where` holds (an export's scope). */
  receivedPage(day: string, query: PageRequest & { where?: ScopeWhere }): Promise<Page<Ticket>>;
  /** A ticket's events, oldest first, a page at a time; `publicOnly` leaves internal ones out. */
  history(ticketId: string, query: PageRequest & { publicOnly: boolean }): Promise<Page<TicketEvent>>;
  /** Open tickets whose next SLA deadline is before `now` (gsi3), soonest first, and the read units the page cost. */
  dueBefore(now: Date, query: PageRequest): Promise<Page<Ticket> & { readUnits: number }>;
}

/** What the geo index holds of an open ticket: its nearby entry and its follower count. */
export type NearbyCandidate = NearbyEntry & { followers: number };

export interface GeoQueries {
  /**
   * Unprocessed tickets with a location indexed under these geohash cells, newest first, at
   * most `perCell` from each cell; `readUnits` is what the reads cost.
   */
  openInCells(cells: readonly string[], query: { category?: string; perCell: number }): Promise<{ items: NearbyCandidate[]; readUnits: number }>;
}

export interface FollowResult {
  /** The users who were not following before and now are. */
  added: string[];
  /** The ticket's follower count after the write (undefined: no such ticket). */
  followers: number | undefined;
}

/** Followers of tickets: each (ticket, user) once, the ticket's count moved in the same transaction. */
export interface FollowerStore {
  isFollowing(ticketId: string, userId: string): Promise<boolean>;
  /** Makes each user a follower unless already one; idempotent, safe to run twice or at once. */
  add(ticketId: string, userIds: readonly string[], via: FollowVia, at: Date): Promise<FollowResult>;
  /** Undoes a follow; `removed` is false when the user was not following. */
  remove(ticketId: string, userId: string, at: Date): Promise<{ removed: boolean; followers: number | undefined }>;
  /** Every follower's user id. */
  followersOf(ticketId: string): Promise<string[]>;
}
