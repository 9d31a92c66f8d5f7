/** What the use cases need from the outside world; adapters implement these. */
import type { Area } from '../domain/area.js';
import type { Category } from '../domain/category.js';
import type { Department } from '../domain/department.js';
import type { Language } from '../domain/localized-text.js';
import type { Audience, InboxOwner, NotificationPreferences, OutboundMessage } from '../domain/notifications.js';
import type { Counters } from '../domain/metrics.js';
import type { QueueFilter } from '../domain/queue.js';
import type { ResponseTemplate } from '../domain/response-template.js';
import type { FollowVia } from '../domain/following.js';
import type { NearbyEntry } from '../domain/nearby.js';
import type { RoutingRule } from '../domain/routing.js';
import type { Routing, Ticket, TicketEvent, TicketStatus } from '../domain/ticket.js';
import type { WorkCalendar } from '../domain/working-hours.js';
import type { MediaFormat, RejectionReason, Upload, UploadPurpose } from '../domain/upload.js';
import type { PersonalDataStore } from './personal-data-ports.js';

/** A department queue's order: soonest due first (default), or most followed first. */
export type QueueSort = 'due' | 'followers';

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

export interface ReferenceStore {
  categories(): Promise<Category[]>;
  category(code: string): Promise<Category | undefined>;
  putCategory(category: Category): Promise<void>;
  calendar(): Promise<WorkCalendar>;
  /** The public holidays of one year (`YYYY-MM-DD`, sorted), undefined when none were ever set. */
  holidays(year: number): Promise<string[] | undefined>;
  /** Replaces one year's holidays; `calendar()` reflects it within seconds. */
  putHolidays(year: number, dates: string[]): Promise<void>;
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

export interface MetricReader {
  /** Counters of one scope × category for each period between `from` and `to` (days `YYYY-MM-DD` or months `YYYY-MM`). */
  counters(scope: string, category: string, granularity: 'day' | 'month', from: string, to: string): Promise<Map<string, Counters>>;
  /** Every department's counters for one day or month. */
  departments(granularity: 'day' | 'month', period: string): Promise<Map<string, Counters>>;
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

/** What a nearby search reads of an open ticket (the geo index's projection). */
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

export interface Dependencies {
  clock: Clock;
  ids: IdGenerator;
  tickets: TicketStore;
  reference: ReferenceStore;
  departments: DepartmentDirectory;
  router: Router;
  areas: AreaStore;
  rules: RuleStore;
  ticketQueries: TicketQueries;
  metrics: MetricReader;
  notifications: NotificationStore;
  followers: FollowerStore;
  geo: GeoQueries;
  responseTemplates: ResponseTemplateStore;
  uploads: UploadStore;
  media: MediaStore;
  personalData: PersonalDataStore;
}

// Uploads ------------------------------------------------------------------------------------

export type UploadOutcome =
  | { status: 'ready'; width: number; height: number; format: MediaFormat }
  | { status: 'rejected'; reason: RejectionReason };

export interface UploadStore {
  create(upload: Upload): Promise<void>;
  /** Consistent read. */
  get(id: string): Promise<Upload | undefined>;
  /** Consistent reads of several; absent ids are missing from the map. */
  getMany(ids: readonly string[]): Promise<Map<string, Upload>>;
  /** pending → ready | rejected; false when it was no longer pending (a duplicate event). */
  finish(id: string, outcome: UploadOutcome, at: string): Promise<boolean>;
  /** Uploads granted on a UTC day and never attached. */
  unattachedOn(day: string, page: PageRequest): Promise<Page<Upload>>;
  /** Deletes an upload that is not attached; false when it was attached meanwhile. */
  delete(id: string): Promise<boolean>;
}

export interface MediaStore {
  /** A presigned POST for exactly one object: key, Content-Type and size range pinned. */
  grant(input: { key: string; contentType: string; maxBytes: number; expiresSeconds: number }): Promise<{ url: string; fields: Record<string, string> }>;
  /** The object's bytes, or undefined when there is none. */
  read(key: string): Promise<{ bytes: Buffer; size: number } | undefined>;
  tags(key: string): Promise<Record<string, string>>;
  write(key: string, bytes: Buffer, contentType: string): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** A presigned GET. */
  signedUrl(key: string, seconds: number): Promise<string>;
}

export interface ResponseTemplateStore {
  /** By id; `category` matches its own templates and the `*` ones. */
  list(query: PageRequest & { category?: string; kind?: string }): Promise<Page<ResponseTemplate>>;
  /** Creates or replaces; `created` when there was none. */
  put(template: ResponseTemplate): Promise<{ created: boolean }>;
  /** false when there was nothing to delete. */
  delete(id: string): Promise<boolean>;
}

// Notifications ------------------------------------------------------------------------------

/** One channel's outcome for one inbox item: the ledger that keeps a retry from sending twice. */
export interface Delivery {
  /** `rejected`: SNS will never take it (bad number, invalid input); not retried. */
  status: 'sent' | 'rejected';
  at: string;
  messageId?: string;
  error?: string;
}

/** An in-app notification; its id is the event's id, so a replayed event finds it already there. */
export interface InboxItem {
  id: string;
  owner: InboxOwner;
  ticketId: string;
  type: string;
  audience: Audience;
  language: Language;
  title: string;
  body: string;
  /** When the event happened. */
  at: string;
  readAt?: string;
  /** TTL, epoch seconds. */
  expiresAt: number;
  /** By channel (sms, email, push, alert). */
  deliveries: Record<string, Delivery>;
}

export interface NotificationStore {
  /** One inbox item with its ledger (a consistent read: a retry right after a delivery sees it). */
  getInbox(owner: InboxOwner, id: string): Promise<InboxItem | undefined>;
  /** Writes the item unless it exists; false when it already did. */
  createInbox(item: InboxItem): Promise<boolean>;
  recordDeliveries(owner: InboxOwner, id: string, deliveries: Record<string, Delivery>): Promise<void>;
  /** Newest first. */
  listInbox(owner: InboxOwner, query: PageRequest & { unread?: boolean }): Promise<Page<InboxItem>>;
  /** Sets `readAt` once (later calls keep the first); undefined when the owner has no such item. */
  markRead(owner: InboxOwner, id: string, at: string): Promise<InboxItem | undefined>;
  preferences(userId: string): Promise<NotificationPreferences | undefined>;
  putPreferences(userId: string, preferences: NotificationPreferences): Promise<void>;
}

/** What every message carries besides its text: the event, for filter policies and de-duplication. */
export interface MessageMeta {
  eventId: string;
  eventType: string;
  ticketId: string;
  /** The ticket's department after the event. */
  departmentId: string;
  wardCode: string;
  districtCode?: string;
  severity: string;
  language: Language;
  /** Unique per event, recipient and channel: the event id plus the rest. */
  deduplicationId: string;
}

export interface NotificationPublisher {
  publish(message: OutboundMessage, meta: MessageMeta): Promise<{ messageId: string }>;
}

/** A message that can never be sent as is (invalid number, rejected input): recorded, not retried. */
export class PermanentPublishError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}
