/**
 * Every port of `Dependencies` in memory, for unit tests of the use cases: no DynamoDB, no S3,
 * milliseconds per test. Each store keeps the contract its DynamoDB twin promises in ports.ts —
 * above all the ticket store's conditional writes (a stale `expectedVersion` is a
 * VersionConflictError, a taken reference or idempotency key its own error, an upload no
 * longer ready a ValidationError), checked and applied with no await in between, so calls
 * made "at once" race exactly as two transactions do. Reads and writes copy, so a use case
 * can never change stored state except through a port. Events read back as the DynamoDB store
 * returns them, with the ticket snapshot its item mapping writes (adapters/dynamodb/ticket-items.ts).
 */
import { monotonicFactory } from 'ulid';
import type { Erasure, ExportAccess, PersonalDataStore } from '../../shared/app/personal-data-ports.js';
import {
  IdempotencyKeyTakenError,
  RefTakenError,
  type AttachUploads,
  type Dependencies,
  type FollowerStore,
  type GeoQueries,
  type IdempotencyClaim,
  type InboxItem,
  type MediaStore,
  type MetricReader,
  type NotificationStore,
  type Page,
  type PageRequest,
  type ResponseTemplateStore,
  type TicketQueries,
  type TicketStore,
  type UploadStore,
} from '../../shared/app/ports.js';
import { eventToItem } from '../../shared/adapters/dynamodb/ticket-items.js';
import { fromItem } from '../../shared/adapters/dynamodb/table.js';
import type { Area } from '../../shared/domain/area.js';
import type { Category } from '../../shared/domain/category.js';
import type { Department } from '../../shared/domain/department.js';
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from '../../shared/domain/errors.js';
import type { FollowVia } from '../../shared/domain/following.js';
import { cellOf } from '../../shared/domain/geo.js';
import type { Counters } from '../../shared/domain/metrics.js';
import type { InboxOwner, NotificationPreferences } from '../../shared/domain/notifications.js';
import type { AccessEntry } from '../../shared/domain/personal-data.js';
import { retentionDay } from '../../shared/domain/personal-data.js';
import type { PrivacyNotice } from '../../shared/domain/privacy-notice.js';
import { matchesQueue, readsDonePartition } from '../../shared/domain/queue.js';
import type { ResponseTemplate } from '../../shared/domain/response-template.js';
import { buildRuleIndex, codesFromWard, decideRoute, ruleSlot, type RoutingRule } from '../../shared/domain/routing.js';
import { nextSlaDeadline } from '../../shared/domain/sla.js';
import { processedStatuses, type Ticket, type TicketEvent } from '../../shared/domain/ticket.js';
import type { Upload } from '../../shared/domain/upload.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { seedCategories } from '../../shared/reference/categories.js';
import { seedHolidays } from '../../shared/reference/holidays.js';
import { testClock, type TestClock } from './clock.js';
import { memoryAreas, memoryDepartments, memoryRules } from './memory-world.js';
import { newTicket, type TicketFixture } from './ticket-fixture.js';
import { nearbyEntry } from '../../shared/domain/nearby.js';

export { testClock, type TestClock } from './clock.js';
export { memoryAreas, memoryDepartments, memoryRules } from './memory-world.js';
export { memoryOpen311 } from './memory-open311.js';
export { memoryAreaMigration } from './memory-area-migration.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * A page in the order of `key` (newest first with `desc`). The cursor is the last key served, as
 * DynamoDB's LastEvaluatedKey is: an item that left the list meanwhile shifts nothing.
 */
export function pageOf<T>(items: readonly T[], { limit, cursor }: PageRequest, key: (t: T) => string, order: 'asc' | 'desc' = 'asc'): Page<T> {
  const sign = order === 'asc' ? 1 : -1;
  const sorted = items.map((item) => ({ item, k: key(item) })).sort((a, b) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const rest = cursor === undefined ? sorted : sorted.filter(({ k }) => sign * (k < cursor ? -1 : k > cursor ? 1 : 0) > 0);
  const served = rest.slice(0, limit);
  return { items: served.map(({ item }) => copy(item)), nextCursor: rest.length > limit ? served.at(-1)!.k : null };
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export interface MemoryWorld {
  categories?: Category[];
  areas?: Area[];
  departments?: Department[];
  rules?: RoutingRule[];
  holidays?: Record<number, string[]>;
  clock?: TestClock;
}

/** What the stores hold, for a test to read (or to set up) directly. */
export interface MemoryState {
  tickets: Map<string, Ticket>;
  /** By ticket id, in version order. */
  events: Map<string, TicketEvent[]>;
  refs: Map<string, string>;
  refSequences: Map<string, number>;
  claims: Map<string, IdempotencyClaim & { ticketId: string }>;
  uploads: Map<string, Upload>;
  media: Map<string, { bytes: Buffer; contentType: string; tags: Record<string, string> }>;
  followers: Map<string, Map<string, { via: FollowVia; at: string }>>;
  inbox: Map<string, InboxItem>;
  preferences: Map<string, NotificationPreferences>;
  templates: Map<string, ResponseTemplate>;
  /** `${scope}|${category}|${period}` → counters, for the metric reader. */
  counters: Map<string, Counters>;
  erasures: Map<string, Erasure>;
  access: AccessEntry[];
  exports: ExportAccess[];
  notice?: PrivacyNotice;
  /** Successful ticket writes (create + update), to prove a refused request wrote nothing. */
  ticketWrites: number;
}

export type MemoryDependencies = Dependencies & { clock: TestClock; state: MemoryState };

const inboxKey = (owner: InboxOwner, id: string) => `${owner.kind === 'user' ? `U#${owner.userId}` : `D#${owner.departmentId}`}|${id}`;

export function memoryDependencies(world: MemoryWorld = {}): MemoryDependencies {
  const clock = world.clock ?? testClock('2026-12-02T03:00:00.000Z');
  const nextUlid = monotonicFactory();
  const state: MemoryState = {
    tickets: new Map(),
    events: new Map(),
    refs: new Map(),
    refSequences: new Map(),
    claims: new Map(),
    uploads: new Map(),
    media: new Map(),
    followers: new Map(),
    inbox: new Map(),
    preferences: new Map(),
    templates: new Map(),
    counters: new Map(),
    erasures: new Map(),
    access: [],
    exports: [],
    ticketWrites: 0,
  };
  const categories = new Map((world.categories ?? seedCategories).map((c) => [c.code, copy(c)]));
  const holidays = new Map(Object.entries(world.holidays ?? seedHolidays).map(([y, d]) => [Number(y), [...d]]));
  const areas = new Map((world.areas ?? memoryAreas).map((a) => [a.code, copy(a)]));
  const departments = new Map((world.departments ?? memoryDepartments).map((d) => [d.id, copy(d)]));
  const rules = new Map((world.rules ?? memoryRules).map((r) => [r.id, copy(r)]));

  /** An attach's conditions (ready, the owner's, the purpose), all or none, as the transaction checks them. */
  const attachFailures = (attach: AttachUploads | undefined) =>
    (attach?.uploadIds ?? []).flatMap((id, i) => {
      const u = state.uploads.get(id);
      return u && u.status === 'ready' && u.ownerId === attach!.ownerId && u.purpose === attach!.purpose ? [] : [{ path: `${attach!.field}.${i}.uploadId`, message: 'already attached to a ticket' }];
    });
  const applyAttach = (attach: AttachUploads | undefined, ticketId: string, at: string) => {
    for (const id of attach?.uploadIds ?? []) state.uploads.set(id, { ...state.uploads.get(id)!, status: 'attached', ticketId, attachedAt: at });
  };
  // As the DynamoDB store reads them back: each event with the snapshot of the ticket it produced.
  const asStored = (event: TicketEvent, ticket: Ticket) => fromItem<TicketEvent>(copy(eventToItem(event, ticket)));
  const sortedTickets = (f: (t: Ticket) => boolean) => [...state.tickets.values()].filter(f).sort(byKey((t) => t.id));

  const tickets: TicketStore = {
    async create(ticket, event, claim, attach) {
      const claimKey = claim && `${ticket.citizenId}|${claim.key}`;
      const held = claimKey ? state.claims.get(claimKey) : undefined;
      const claimTaken = held !== undefined && held.expiresAt >= Math.floor(Date.parse(ticket.createdAt) / 1000);
      // The same order of judgement as the DynamoDB store: the claim, then the reference, then the rest.
      if (claim && claimTaken) throw new IdempotencyKeyTakenError();
      if (state.refs.has(ticket.ref)) throw new RefTakenError(ticket.ref);
      if (state.tickets.has(ticket.id)) throw new ConflictError(`ticket ${ticket.id} exists`);
      const lost = attachFailures(attach);
      if (lost.length) throw new ValidationError('An upload is no longer available.', lost);
      state.tickets.set(ticket.id, copy(ticket));
      state.events.set(ticket.id, [asStored(event, ticket)]);
      state.refs.set(ticket.ref, ticket.id);
      if (claimKey) state.claims.set(claimKey, { ...claim!, ticketId: ticket.id });
      applyAttach(attach, ticket.id, ticket.createdAt);
      state.ticketWrites++;
    },
    async get(id) {
      const t = state.tickets.get(id);
      return t && copy(t);
    },
    async nextRefSequence(prefix, day) {
      const next = (state.refSequences.get(`${prefix}|${day}`) ?? 0) + 1;
      state.refSequences.set(`${prefix}|${day}`, next);
      return next;
    },
    async idOfRef(ref) {
      return state.refs.get(ref);
    },
    async update(ticket, event, expectedVersion, attach) {
      const stored = state.tickets.get(ticket.id);
      if (!stored) throw new NotFoundError(`No ticket ${ticket.id}.`);
      if (stored.version !== expectedVersion) throw new VersionConflictError(stored.version);
      const events = [event].flat();
      const existing = state.events.get(ticket.id) ?? [];
      if (events.some((e) => existing.some((x) => x.version === e.version))) throw new VersionConflictError(stored.version);
      const lost = attachFailures(attach);
      if (lost.length) throw new ValidationError('An upload is no longer available.', lost);
      // A follow moves `followers` outside the version: the store carries the stored count over.
      state.tickets.set(ticket.id, { ...copy(ticket), ...(stored.followers !== undefined ? { followers: stored.followers } : {}) });
      state.events.set(ticket.id, [...existing, ...events.map((e) => asStored(e, ticket))]);
      applyAttach(attach, ticket.id, ticket.updatedAt);
      state.ticketWrites++;
    },
    async idempotencyRecord(citizenId, key, now) {
      const claim = state.claims.get(`${citizenId}|${key}`);
      if (!claim || claim.expiresAt < Math.floor(now.getTime() / 1000)) return undefined;
      return { ticketId: claim.ticketId, requestHash: claim.requestHash };
    },
    async listByCitizen(citizenId, { status, ...page }) {
      return pageOf(sortedTickets((t) => t.citizenId === citizenId && !t.personalDataRemovedAt && (!status || t.status === status)), page, (t) => t.id, 'desc');
    },
    async listPublic({ area, category, ...page }) {
      const inArea = (t: Ticket) => !area || [t.location.wardCode, t.location.districtCode, t.location.provinceCode].includes(area);
      return pageOf(sortedTickets((t) => t.visibility === 'public' && processedStatuses.has(t.status) && inArea(t) && (!category || t.category === category)), page, (t) => t.id, 'desc');
    },
    async receivedOn(day) {
      return sortedTickets((t) => localDate(new Date(t.createdAt)) === day).map(copy);
    },
    async events(ticketId) {
      return copy(state.events.get(ticketId) ?? []);
    },
  };

  const ticketQueries: TicketQueries = {
    async departmentQueue(departmentId, { done, sort, now: _now, limit, cursor, ...filter }) {
      const rows = [...state.tickets.values()].filter((t) => matchesQueue(t, departmentId, filter) && readsDonePartition(t.status) === done);
      const order = sort === 'followers' ? (t: Ticket) => `${String(1e9 - (t.followers ?? 0)).padStart(10, '0')}#${t.dueAt}#${t.id}` : (t: Ticket) => `${t.dueAt}#${t.id}`;
      return pageOf(rows, { limit, cursor }, order);
    },
    async receivedPage(day, { where, ...page }) {
      const field = (t: Ticket) => (where?.field === 'departmentId' ? t.departmentId : where ? t.location[where.field] : undefined);
      return pageOf(sortedTickets((t) => localDate(new Date(t.createdAt)) === day && (!where || field(t) === where.value)), page, (t) => t.id);
    },
    async history(ticketId, { publicOnly, ...page }) {
      return pageOf((state.events.get(ticketId) ?? []).filter((e) => !publicOnly || e.visibility === 'public'), page, (e) => String(e.version).padStart(6, '0'));
    },
    async dueBefore(now, page) {
      const due = [...state.tickets.values()].filter((t) => {
        const at = nextSlaDeadline(t);
        return at !== undefined && at < now.toISOString();
      });
      const out = pageOf(due, page, (t) => `${nextSlaDeadline(t)}#${t.id}`);
      return { ...out, readUnits: Math.max(1, Math.ceil(out.items.length / 4)) };
    },
  };

  const followers: FollowerStore = {
    async isFollowing(ticketId, userId) {
      return state.followers.get(ticketId)?.has(userId) ?? false;
    },
    async add(ticketId, userIds, via, at) {
      const ticket = state.tickets.get(ticketId);
      if (!ticket) return { added: [], followers: undefined };
      const set = state.followers.get(ticketId) ?? new Map();
      state.followers.set(ticketId, set);
      const added = [...new Set(userIds)].filter((u) => !set.has(u));
      for (const u of added) set.set(u, { via: copy(via), at: at.toISOString() });
      ticket.followers = (ticket.followers ?? 0) + added.length;
      return { added, followers: ticket.followers };
    },
    async remove(ticketId, userId) {
      const ticket = state.tickets.get(ticketId);
      if (!ticket) return { removed: false, followers: undefined };
      const removed = state.followers.get(ticketId)?.delete(userId) ?? false;
      if (removed) ticket.followers = (ticket.followers ?? 1) - 1;
      return { removed, followers: ticket.followers ?? 0 };
    },
    async followersOf(ticketId) {
      return [...(state.followers.get(ticketId)?.keys() ?? [])];
    },
  };

  const geo: GeoQueries = {
    async openInCells(cells, { category, perCell }) {
      const wanted = new Set(cells);
      const candidates = [...state.tickets.values()]
        .filter((t) => !processedStatuses.has(t.status) && typeof t.location.lat === 'number' && typeof t.location.lng === 'number')
        .filter((t) => wanted.has(cellOf({ lat: t.location.lat!, lng: t.location.lng! })) && (!category || t.category === category))
        .sort(byKey((t) => `${t.createdAt}#${t.id}`))
        .reverse();
      const perCellCount = new Map<string, number>();
      const items = candidates.filter((t) => {
        const cell = cellOf({ lat: t.location.lat!, lng: t.location.lng! });
        const n = perCellCount.get(cell) ?? 0;
        perCellCount.set(cell, n + 1);
        return n < perCell;
      });
      // What the geo index holds: the ticket's nearby entry, not the ticket.
      return { items: items.map((t) => ({ ...nearbyEntry(t)!, followers: t.followers ?? 0 })), readUnits: cells.length };
    },
  };

  const notifications: NotificationStore = {
    async getInbox(owner, id) {
      const item = state.inbox.get(inboxKey(owner, id));
      return item && copy(item);
    },
    async createInbox(item) {
      if (state.inbox.has(inboxKey(item.owner, item.id))) return false;
      state.inbox.set(inboxKey(item.owner, item.id), copy(item));
      return true;
    },
    async recordDeliveries(owner, id, deliveries) {
      const item = state.inbox.get(inboxKey(owner, id));
      if (item) Object.assign(item.deliveries, copy(deliveries));
    },
    async listInbox(owner, { unread, ...page }) {
      const prefix = inboxKey(owner, '');
      const items = [...state.inbox.entries()].filter(([k, i]) => k.startsWith(prefix) && (!unread || !i.readAt)).map(([, i]) => i);
      return pageOf(items, page, (i) => i.id, 'desc');
    },
    async markRead(owner, id, at) {
      const item = state.inbox.get(inboxKey(owner, id));
      if (!item) return undefined;
      item.readAt ??= at;
      return copy(item);
    },
    async preferences(userId) {
      const p = state.preferences.get(userId);
      return p && copy(p);
    },
    async putPreferences(userId, preferences) {
      state.preferences.set(userId, copy(preferences));
    },
  };

  const uploads: UploadStore = {
    async create(upload) {
      if (state.uploads.has(upload.id)) throw new ConflictError(`upload ${upload.id} exists`);
      state.uploads.set(upload.id, copy(upload));
    },
    async get(id) {
      const u = state.uploads.get(id);
      return u && copy(u);
    },
    async getMany(ids) {
      return new Map(ids.flatMap((id) => (state.uploads.has(id) ? [[id, copy(state.uploads.get(id)!)] as const] : [])));
    },
    async finish(id, outcome, at) {
      const u = state.uploads.get(id);
      if (!u || u.status !== 'pending') return false;
      state.uploads.set(id, { ...u, ...outcome, processedAt: at });
      return true;
    },
    async unattachedOn(day, page) {
      return pageOf([...state.uploads.values()].filter((u) => u.status !== 'attached' && u.createdAt.slice(0, 10) === day), page, (u) => u.id);
    },
    async delete(id) {
      if (state.uploads.get(id)?.status === 'attached') return false;
      state.uploads.delete(id);
      return true;
    },
  };

  const media: MediaStore = {
    async grant({ key, contentType, maxBytes, expiresSeconds }) {
      return { url: 'memory://media', fields: { key, 'Content-Type': contentType, policy: `max=${maxBytes};expires=${expiresSeconds}` } };
    },
    async read(key) {
      const o = state.media.get(key);
      return o && { bytes: Buffer.from(o.bytes), size: o.bytes.length };
    },
    async tags(key) {
      return { ...(state.media.get(key)?.tags ?? {}) };
    },
    async write(key, bytes, contentType) {
      state.media.set(key, { bytes: Buffer.from(bytes), contentType, tags: {} });
    },
    async delete(keys) {
      for (const k of keys) state.media.delete(k);
    },
    async signedUrl(key, seconds) {
      return `memory://media/${key}?expires=${seconds}`;
    },
  };

  const responseTemplates: ResponseTemplateStore = {
    async list({ category, kind, ...page }) {
      const items = [...state.templates.values()].filter((t) => (!category || t.category === category || t.category === '*') && (!kind || t.kind === kind));
      return pageOf(items, page, (t) => t.id);
    },
    async put(template) {
      const created = !state.templates.has(template.id);
      state.templates.set(template.id, copy(template));
      return { created };
    },
    async delete(id) {
      return state.templates.delete(id);
    },
  };

  const metrics: MetricReader = {
    async counters(scope, category, _granularity, from, to) {
      return new Map([...state.counters].flatMap(([k, c]) => {
        const [s, cat, period] = k.split('|');
        return s === scope && cat === category && period! >= from && period! <= to.slice(0, period!.length) ? [[period!, copy(c)] as const] : [];
      }));
    },
    async departments(_granularity, period) {
      return new Map([...state.counters].flatMap(([k, c]) => {
        const [s, cat, p] = k.split('|');
        return s!.startsWith('department-') && cat === '*' && p === period ? [[s!.slice('department-'.length), copy(c)] as const] : [];
      }));
    },
  };

  const personalData: PersonalDataStore = {
    async privacyNotice() {
      return state.notice && copy(state.notice);
    },
    async putPrivacyNotice(notice, opts) {
      if (opts?.onlyIfAbsent && state.notice) return false;
      state.notice = copy(notice);
      return true;
    },
    async requestErasure(erasure) {
      const existing = state.erasures.get(erasure.userId);
      if (existing) return copy(existing);
      state.erasures.set(erasure.userId, copy(erasure));
      return copy(erasure);
    },
    async erasure(userId) {
      const e = state.erasures.get(userId);
      return e && copy(e);
    },
    async finishErasure(userId, finishedAt, counts) {
      const e = state.erasures.get(userId);
      if (e) state.erasures.set(userId, { ...e, status: 'done', finishedAt, counts: { ...counts } });
    },
    async pendingErasures(limit) {
      return [...state.erasures.values()].filter((e) => e.status === 'pending').sort(byKey((e) => e.requestedAt)).slice(0, limit).map(copy);
    },
    async followings(userId) {
      return [...state.followers].flatMap(([ticketId, set]) => {
        const f = set.get(userId);
        return f ? [{ ticketId, at: f.at, via: f.via.kind }] : [];
      });
    },
    async deleteFollowings(userId, ticketIds) {
      for (const id of ticketIds) state.followers.get(id)?.delete(userId);
      return ticketIds.length;
    },
    async deleteInbox(userId) {
      const prefix = inboxKey({ kind: 'user', userId }, '');
      const keys = [...state.inbox.keys()].filter((k) => k.startsWith(prefix));
      for (const k of keys) state.inbox.delete(k);
      return keys.length;
    },
    async deletePreferences(userId) {
      return state.preferences.delete(userId) ? 1 : 0;
    },
    async deleteUploads(ids) {
      for (const id of ids) state.uploads.delete(id);
    },
    async scrubEvent(ticketId, version, { actorId, removeData }) {
      const e = state.events.get(ticketId)?.find((x) => x.version === version);
      if (!e) return;
      if (actorId !== undefined) e.actor = { ...e.actor, id: actorId };
      for (const field of removeData) delete e.data[field];
    },
    async scrubEventOwners(ticketId, versions, citizenId) {
      for (const e of state.events.get(ticketId) ?? []) if (versions.includes(e.version)) (e as TicketEvent & { ticket: { citizenId: string } }).ticket.citizenId = citizenId;
    },
    async retentionDue(lastDay, limit) {
      return [...state.tickets.values()]
        .flatMap((t) => {
          const day = retentionDay(t);
          return day !== undefined && day <= lastDay ? [{ id: t.id, key: `${day}#${t.id}` }] : [];
        })
        .sort(byKey((d) => d.key))
        .slice(0, limit)
        .map((d) => d.id);
    },
    async appendAccess(entries) {
      state.access.push(...entries.map(copy));
    },
    async appendExportAccess(entry) {
      state.exports.push(copy(entry));
    },
    async accessLog(ticketId, page) {
      return pageOf(state.access.filter((e) => e.ticketId === ticketId), page, (e) => `${e.at}#${e.id}`);
    },
    async exportsSince(since) {
      return state.exports.filter((e) => e.at >= since).sort(byKey((e) => e.at)).map(copy);
    },
  };

  const deps: MemoryDependencies = {
    clock,
    state,
    ids: { next: () => nextUlid(clock.now().getTime()) },
    tickets,
    ticketQueries,
    followers,
    geo,
    notifications,
    uploads,
    media,
    responseTemplates,
    metrics,
    personalData,
    reference: {
      async categories() {
        return [...categories.values()].map(copy);
      },
      async category(code) {
        const c = categories.get(code);
        return c && copy(c);
      },
      async putCategory(category) {
        categories.set(category.code, copy(category));
      },
      async calendar() {
        return { holidays: new Set([...holidays.values()].flat()) };
      },
      async holidays(year) {
        const d = holidays.get(year);
        return d && [...d];
      },
      async putHolidays(year, dates) {
        holidays.set(year, [...dates].sort());
      },
    },
    areas: {
      async get(code) {
        const a = areas.get(code);
        return a && copy(a);
      },
      async children(parentCode, page) {
        return pageOf([...areas.values()].filter((a) => a.parentCode === parentCode), page, (a) => a.code);
      },
    },
    departments: {
      async get(id) {
        const d = departments.get(id);
        return d && copy(d);
      },
      async list(page) {
        return pageOf([...departments.values()], page, (d) => d.id);
      },
      async put(department) {
        departments.set(department.id, copy(department));
      },
    },
    rules: {
      async get(id) {
        const r = rules.get(id);
        return r && copy(r);
      },
      async all() {
        return [...rules.values()].map(copy);
      },
      async list({ category, areaCode, ...page }) {
        return pageOf([...rules.values()].filter((r) => (!category || r.category === category) && (!areaCode || r.areaCode === areaCode)), page, (r) => r.id);
      },
      async put(rule, previous) {
        const holder = [...rules.values()].find((r) => ruleSlot(r) === ruleSlot(rule) && r.id !== rule.id && r.id !== previous?.id);
        if (holder) throw new ConflictError(`rule ${holder.id} already routes ${rule.category} in ${rule.areaCode}`);
        if (previous && previous.id !== rule.id) rules.delete(previous.id);
        rules.set(rule.id, copy(rule));
      },
      async delete(rule) {
        rules.delete(rule.id);
      },
    },
    router: {
      async route(category, wardCode) {
        const ward = areas.get(wardCode);
        if (ward?.level !== 'ward') return undefined;
        return {
          ...decideRoute(buildRuleIndex(rules.values()), category, codesFromWard(ward)),
          provinceCode: ward.provinceCode,
          ...(ward.districtCode ? { districtCode: ward.districtCode } : {}),
        };
      },
    },
  };
  return deps;
}

/** The ticket fixture written through the in-memory store (opened at the clock's time unless `now` says otherwise). */
export async function putTicket(deps: MemoryDependencies, opts: TicketFixture = {}): Promise<Ticket> {
  const { ticket, event } = newTicket({ now: deps.clock.now(), ...opts });
  await deps.tickets.create(ticket, event);
  return ticket;
}
