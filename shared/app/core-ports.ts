/** The ports every use case family shares: the clock, ids and paging. */

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** Unique and sortable by creation time (ULID). */
  next(): string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}
