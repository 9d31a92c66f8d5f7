/**
 * How tickets, their events and idempotency claims sit in the single table
 * (see docs/data-model.md). Key prefixes live here and nowhere else.
 */
import { createHash } from 'node:crypto';
import { openStatuses, processedStatuses, type Ticket, type TicketEvent } from '../../domain/ticket.js';
import { localDate } from '../../domain/working-hours.js';
import { nextSlaDeadline } from '../../domain/sla.js';
import type * as z from 'zod';
import type { TicketEventItem } from '../../schemas/event-item.js';
import { cellOf } from '../../domain/geo.js';
import { nearbyEntry } from '../../domain/nearby.js';
import { retentionDay } from '../../domain/personal-data.js';
import { fromItem } from './table.js';
import { shardedPartitions, shardOf } from './shards.js';

/** An event item as written: keys plus the one contract every consumer parses. */
type EventItem = { pk: string; sk: string; entity: 'event' } & z.input<typeof TicketEventItem>;

export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
/** The table key of every ticket item, as a cursor over an index of tickets must carry it. */
export const TICKET_ITEM_KEY = { pk: { prefix: 'TICKET#' }, sk: { equals: 'TICKET' } } as const;
export const eventSk = (version: number) => `EVENT#${String(version).padStart(6, '0')}`;
export const citizenPartition = (citizenId: string) => `CITIZEN#${citizenId}`;
const queueBase = (departmentId: string, open: boolean) => `DEPT#${departmentId}#${open ? 'OPEN' : 'DONE'}`;
/**
 * A province-wide unit (a city department, the triage desk) can take a quarter of a province's
 * tickets, each rewriting its queue entries on gsi2 and gsi7 at every write: ~500 writes/s for the
 * busiest at national peak (bench hot-keys). Their queues are sharded by ticket id; a ward's or a
 * district's committee (ids `ward-<code>`, `district-<code>`) keeps one partition, and one Query per page.
 */
export const QUEUE_SHARDS = 4;
const queueShards = (departmentId: string) => (/^(ward|district)-/.test(departmentId) ? 1 : QUEUE_SHARDS);
export const queuePartition = (departmentId: string, open: boolean, ticketId: string) =>
  queueShards(departmentId) > 1 ? `${queueBase(departmentId, open)}#${shardOf(ticketId, queueShards(departmentId))}` : queueBase(departmentId, open);
/** The partitions a queue's page reads: its shards and the unsharded one of before, or the one partition. */
export const queuePartitions = (departmentId: string, open: boolean) =>
  queueShards(departmentId) > 1 ? shardedPartitions(queueBase(departmentId, open), queueShards(departmentId)) : [queueBase(departmentId, open)];
/**
 * Keys every province's tickets write are sharded by a hash of the ticket id (shards.ts): at
 * national peak one partition would take ~8,000 writes/s (bench hot-keys). Readers query every
 * shard and the unsharded base, where tickets written before sharding stay until their next write.
 */
export const OPEN_SHARDS = 32;
export const OPEN_TICKETS_PARTITION = 'OPEN';
export const openPartition = (ticketId: string) => `${OPEN_TICKETS_PARTITION}#${shardOf(ticketId, OPEN_SHARDS)}`;
export const openPartitions = () => shardedPartitions(OPEN_TICKETS_PARTITION, OPEN_SHARDS);
/**
 * Every write of a ticket rewrites its gsi4 entry (it projects all): ~6.7 per ticket, 16 shards
 * measured 504/s. Only 4 for now, over the 500/s goal (~1,340/s at peak): the day is in the
 * partition key, so a 90-day Open311 window reads 90 × (shards + 1) partitions, and at 32 that
 * saturated DynamoDB Local in CI. The way out is the day in the sort key (docs/scale.md).
 */
export const RECEIVED_SHARDS = 4;
const receivedDayBase = (localDay: string) => `RECEIVED#${localDay}`;
export const receivedDayPartition = (localDay: string, ticketId: string) => `${receivedDayBase(localDay)}#${shardOf(ticketId, RECEIVED_SHARDS)}`;
export const receivedDayPartitions = (localDay: string) => shardedPartitions(receivedDayBase(localDay), RECEIVED_SHARDS);
export const PUBLIC_TICKETS_PARTITION = 'PUBLIC';
/** gsi3, once nothing is due: closed or rejected tickets still holding personal data, by the local day they were finalised. */
export const RETENTION_PARTITION = 'RETENTION';
export const retentionPartition = (ticketId: string) => `${RETENTION_PARTITION}#${shardOf(ticketId, OPEN_SHARDS)}`;
export const retentionPartitions = () => shardedPartitions(RETENTION_PARTITION, OPEN_SHARDS);
export const refKey = (ref: string) => ({ pk: `REF#${ref}`, sk: 'REF' });
export const refSequenceKey = (prefix: string, day: string) => ({ pk: `REF_SEQ#${prefix}#${day}`, sk: 'REF_SEQ' });
export const geoPartition = (cell: string) => `GEO#${cell}`;
export const followerKey = (ticketId: string, userId: string) => ({ pk: ticketKey(ticketId).pk, sk: `FOLLOWER#${userId}` });
export const FOLLOWER_PREFIX = 'FOLLOWER#';
/** Follow and unfollow outbox items: the metrics consumer counts them (background.ts). */
export const FOLLOW_EVENT_PREFIX = 'FOLLOWS#';
/**
 * A claim's key hashes the (user, key) pair as a JSON array, an unambiguous encoding: joining
 * the two with `#` let user `S#k` with key `1` and user `S` with key `k#1` share one claim.
 */
export const idempotencyKey = (citizenId: string, key: string) => ({
  pk: `IDEMPOTENCY#${createHash('sha256').update(JSON.stringify([citizenId, key])).digest('base64url')}`,
  sk: 'IDEMPOTENCY',
});

/** Above any follower count a ticket can reach; the complement sorts most followed first. */
const FOLLOWERS_CEILING = 999_999_999;

/**
 * gsi7's sort key: followers descending (as the zero-padded complement, since keys are strings),
 * then soonest due, then id. Written with the ticket and again with every follower count.
 */
export function followersSortKey(followers: number, dueAt: string, id: string): string {
  return `${String(FOLLOWERS_CEILING - followers).padStart(9, '0')}#${dueAt}#${id}`;
}

export function ticketToItem(ticket: Ticket): Record<string, unknown> {
  const open = openStatuses.has(ticket.status);
  // The next instant the SLA sweep must look at this ticket (domain/sla.ts); none once nothing is due.
  const deadline = nextSlaDeadline(ticket);
  return {
    ...ticketKey(ticket.id),
    entity: 'ticket',
    // An anonymised ticket leaves its citizen's list: the erased user's list is empty.
    ...(ticket.personalDataRemovedAt ? {} : { gsi1pk: citizenPartition(ticket.citizenId), gsi1sk: `TICKET#${ticket.id}` }),
    gsi2pk: queuePartition(ticket.departmentId, open, ticket.id),
    gsi2sk: `${ticket.dueAt}#${ticket.id}`,
    gsi7pk: queuePartition(ticket.departmentId, open, ticket.id),
    gsi7sk: followersSortKey(ticket.followers ?? 0, ticket.dueAt, ticket.id),
    ...(deadline ? { gsi3pk: openPartition(ticket.id), gsi3sk: `${deadline}#${ticket.id}` } : retentionKeys(ticket)),
    gsi4pk: receivedDayPartition(localDate(new Date(ticket.createdAt)), ticket.id),
    gsi4sk: `TICKET#${ticket.id}`,
    ...(ticket.visibility === 'public' && processedStatuses.has(ticket.status) ? { gsi5pk: PUBLIC_TICKETS_PARTITION, gsi5sk: `TICKET#${ticket.id}` } : {}),
    ...geoKeys(ticket),
    ...ticket,
    followers: ticket.followers ?? 0,
  };
}

/** The retention job reads these (gsi3 `RETENTION`), oldest first; anonymising drops the key. */
function retentionKeys(ticket: Ticket): Record<string, string> {
  const day = retentionDay(ticket);
  return day ? { gsi3pk: retentionPartition(ticket.id), gsi3sk: `${day}#${ticket.id}` } : {};
}

/**
 * Only tickets not yet processed, with coordinates, are nearby candidates: an answer or a
 * rejection takes them out. With the keys goes the small entry the index projects (domain/
 * nearby.ts), rebuilt from the ticket on every write, so no edit can leave it stale.
 */
function geoKeys(ticket: Ticket): Record<string, unknown> {
  const nearby = nearbyEntry(ticket);
  if (!nearby) return {};
  return { gsi6pk: geoPartition(cellOf(nearby)), gsi6sk: `${ticket.createdAt}#${ticket.id}`, nearby };
}

export function ticketFromItem(item: Record<string, unknown>): Ticket {
  const { transferLimitReached: _derived, ...ticket } = fromItem<Ticket & { transferLimitReached?: boolean }>(item);
  // Items written before `passedUpTo` kept a second "not satisfied" in `escalatedTo`, with `escalated` false (the sweep sets both).
  if (ticket.escalatedTo && !ticket.escalated && !ticket.passedUpTo) {
    const { escalatedTo, ...rest } = ticket;
    return { ...rest, passedUpTo: escalatedTo };
  }
  return ticket;
}

/**
 * The event item is the outbox: stream consumers read it, so it carries what they need to
 * act without reading the ticket (department, area, category, citizen).
 */
export function eventToItem(event: TicketEvent, ticket: Ticket): EventItem {
  return {
    pk: ticketKey(event.ticketId).pk,
    sk: eventSk(event.version),
    entity: 'event',
    ...event,
    ticket: {
      ref: ticket.ref,
      citizenId: ticket.citizenId,
      departmentId: ticket.departmentId,
      category: ticket.category,
      wardCode: ticket.location.wardCode,
      districtCode: ticket.location.districtCode,
      severity: ticket.severity,
      status: ticket.status,
      createdAt: ticket.createdAt,
      ackDueAt: ticket.ackDueAt,
      dueAt: ticket.dueAt,
      reopenCount: ticket.reopenCount,
      respondedAt: ticket.respondedAt,
    },
  };
}

/** What counting a follow needs of its ticket (the metrics consumer reads no ticket). */
export function countingSnapshot(ticket: Ticket) {
  return {
    departmentId: ticket.departmentId,
    category: ticket.category,
    wardCode: ticket.location.wardCode,
    ...(ticket.location.districtCode ? { districtCode: ticket.location.districtCode } : {}),
    createdAt: ticket.createdAt,
    dueAt: ticket.dueAt,
  };
}

export const eventFromItem = (item: Record<string, unknown>) => fromItem<TicketEvent & { ticket: EventItem['ticket'] }>(item);
