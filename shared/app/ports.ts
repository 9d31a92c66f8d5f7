/** What the use cases need from the outside world; adapters implement these. */
import type { Category } from '../domain/category.js';
import type { Department } from '../domain/department.js';
import type { Routing, Ticket, TicketEvent, TicketStatus } from '../domain/ticket.js';
import type { WorkCalendar } from '../domain/working-hours.js';

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

export interface TicketStore {
  /**
   * Writes the ticket, its first event and (if given) the idempotency claim atomically.
   * Throws `IdempotencyKeyTakenError` when the key is already claimed.
   */
  create(ticket: Ticket, event: TicketEvent, claim?: IdempotencyClaim): Promise<void>;
  get(id: string): Promise<Ticket | undefined>;
  idempotencyRecord(citizenId: string, key: string, now: Date): Promise<IdempotencyRecord | undefined>;
  listByCitizen(citizenId: string, page: PageRequest & { status?: TicketStatus }): Promise<Page<Ticket>>;
}

export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super('idempotency key already claimed');
  }
}

export interface ReferenceStore {
  categories(): Promise<Category[]>;
  category(code: string): Promise<Category | undefined>;
  calendar(): Promise<WorkCalendar>;
}

export interface DepartmentDirectory {
  get(id: string): Promise<Department | undefined>;
}

export interface Router {
  /** The department responsible for (category, ward); throws ValidationError for an unknown ward. */
  route(category: string, wardCode: string): Promise<Routing>;
}

export interface Dependencies {
  clock: Clock;
  ids: IdGenerator;
  tickets: TicketStore;
  reference: ReferenceStore;
  departments: DepartmentDirectory;
  router: Router;
}
