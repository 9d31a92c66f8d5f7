/** What the use cases need from the outside world; adapters implement these. */
import type { Area } from '../domain/area.js';
import type { Category } from '../domain/category.js';
import type { Department } from '../domain/department.js';
import type { RoutingRule } from '../domain/routing.js';
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
  /**
   * Writes a changed ticket (version = expectedVersion + 1) and the event of that change in one
   * transaction, only if the stored version is still `expectedVersion`. Throws
   * VersionConflictError (with the current version) or NotFoundError.
   */
  update(ticket: Ticket, event: TicketEvent, expectedVersion: number): Promise<void>;
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
  putCategory(category: Category): Promise<void>;
  calendar(): Promise<WorkCalendar>;
}

export interface AreaStore {
  get(code: string): Promise<Area | undefined>;
  children(parentCode: string, page: PageRequest): Promise<Page<Area>>;
}

export interface RuleStore {
  get(id: string): Promise<RoutingRule | undefined>;
  /** The whole rule set, for the router's index. */
  all(): Promise<RoutingRule[]>;
  list(query: PageRequest & { category?: string; areaCode?: string }): Promise<Page<RoutingRule>>;
  /** Create, or replace `previous`; throws ConflictError when another rule holds the same (category, area). */
  put(rule: RoutingRule, previous?: RoutingRule): Promise<void>;
  delete(rule: RoutingRule): Promise<void>;
}

export interface DepartmentDirectory {
  get(id: string): Promise<Department | undefined>;
  list(page: PageRequest): Promise<Page<Department>>;
  put(department: Department): Promise<void>;
}

export interface Router {
  /** The department responsible for (category, ward); undefined when the ward is unknown. */
  route(category: string, wardCode: string): Promise<Routing | undefined>;
}

export interface Dependencies {
  clock: Clock;
  ids: IdGenerator;
  tickets: TicketStore;
  reference: ReferenceStore;
  departments: DepartmentDirectory;
  router: Router;
  areas: AreaStore;
  rules: RuleStore;
}
