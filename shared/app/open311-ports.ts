/** What the Open311 use cases need beyond the platform's ports (ports.ts). */
import type { Ticket, TicketStatus } from '../domain/ticket.js';
import type { Dependencies } from './ports.js';

/** A system allowed to file requests through Open311. Only the key's hash is kept. */
export interface Open311Client {
  id: string;
  name: string;
  contact?: string;
  /** Filed requests (POSTs) per minute and key. */
  rateLimitPerMinute: number;
  /** sha256 of the key, hex. */
  keyHash: string;
  status: 'active' | 'revoked';
  createdAt: string;
  updatedAt: string;
  revokedAt?: string;
}

export interface Open311ClientStore {
  get(id: string): Promise<Open311Client | undefined>;
  put(client: Open311Client): Promise<void>;
}

export interface RateLimiter {
  /** Counts one call in `bucket`'s current minute; false when that minute already had `limit`. */
  take(bucket: string, limit: number, now: Date): Promise<boolean>;
}

export interface ReceivedWindowQuery {
  from: Date;
  to: Date;
  category?: string;
  statuses?: readonly TicketStatus[];
  /** Matching tickets to skip (earlier pages), newest first. */
  offset: number;
  limit: number;
}

export interface Open311TicketQueries {
  /** Tickets received in [from, to], newest first, filtered, a page at an offset. */
  receivedBetween(query: ReceivedWindowQuery): Promise<Ticket[]>;
}

export interface Open311Dependencies extends Dependencies {
  open311Clients: Open311ClientStore;
  rateLimiter: RateLimiter;
  open311Tickets: Open311TicketQueries;
}
