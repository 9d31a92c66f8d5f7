/**
 * The area migration's own items (one partition, `AREA_MIGRATION#2025`: the checkpoint `STATE`
 * and the admin's flags `FLAG#<kind>#<id>`), its scan for tickets still on the 2024 map, and the
 * one write that rewrites an event's snapshot together with moving its counters.
 */
import { BatchGetCommand, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AreaMigrationStore, MigrationFlag, MigrationState } from '../../app/migrate-areas.js';
import type { MigrationFlagStore, StoredFlag } from '../../app/area-migration-flags.js';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Area } from '../../domain/area.js';
import type { Counters } from '../../domain/metrics.js';
import type { AreaMapping } from '../../reference/area-mapping.js';
import { CountedEventItem } from '../../schemas/event-item.js';
import { AREA_MAPPING_PARTITION } from './area-store.js';
import { documentClient } from './client.js';
import { addCounters, counterUpdates } from './metric-store.js';
import { fromItem, tableName } from './table.js';
import { eventSk, ticketKey } from './ticket-items.js';
import { failedConditionIndex, transactWrite } from './transact.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';

export const AREA_MIGRATION_PARTITION = 'AREA_MIGRATION#2025';
const STATE_KEY = { pk: AREA_MIGRATION_PARTITION, sk: 'STATE' };
const FLAG_PREFIX = 'FLAG#';
/** Items a Scan evaluates per call while looking for tickets still on the 2024 map. */
const SCAN_PAGE = 500;
export const flagKey = (kind: string, id: string) => ({ pk: AREA_MIGRATION_PARTITION, sk: `${FLAG_PREFIX}${kind}#${id}` });

const encode = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined);
const decode = (cursor: string | undefined) => (cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>) : undefined);

function partitionItems(pk: string, skPrefix?: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
    ExpressionAttributeValues: skPrefix ? { ':pk': pk, ':sk': skPrefix } : { ':pk': pk },
    ConsistentRead: true,
  });
}

/** The counter moves of one event: minus what its old snapshot counted, plus what the new one counts, per counter item. */
export function counterMoves(oldEvent: unknown, newEvent: unknown) {
  const moves = new Map<string, { key: { pk: string; sk: string }; counters: Counters }>();
  const add = (event: unknown, sign: 1 | -1) => {
    for (const { key, counters } of counterUpdates(CountedEventItem.parse(event))) {
      const id = `${key.pk}|${key.sk}`;
      const entry = moves.get(id) ?? { key, counters: {} };
      for (const [field, value] of Object.entries(counters)) entry.counters[field] = (entry.counters[field] ?? 0) + sign * value;
      moves.set(id, entry);
    }
  };
  add(oldEvent, -1);
  add(newEvent, 1);
  return [...moves.values()]
    .map(({ key, counters }) => ({ key, counters: Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0)) }))
    .filter(({ counters }) => Object.keys(counters).length > 0);
}

export const dynamoAreaMigrationStore: AreaMigrationStore = {
  async mappings() {
    return (await partitionItems(AREA_MAPPING_PARTITION)).map((item) => ({ oldCode: item.oldCode as string, newCodes: item.newCodes as string[] }) satisfies AreaMapping);
  },

  async areas(codes) {
    const found = new Map<string, Area>();
    for (let i = 0; i < codes.length; i += 100) {
      let keys: Record<string, unknown>[] = codes.slice(i, i + 100).map((code) => ({ pk: `AREA#${code}`, sk: 'AREA' }));
      for (let attempt = 0; keys.length > 0; attempt++) {
        const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of out.Responses?.[tableName()] ?? []) {
          const area = fromItem<Area>(item);
          found.set(area.code, area);
        }
        keys = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
        if (keys.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
    return found;
  },

  async state() {
    const item = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: STATE_KEY, ConsistentRead: true }))).Item;
    if (!item) return undefined;
    return { done: Boolean(item.done), ...(item.cursor ? { cursor: item.cursor as string } : {}), days: [...((item.days as Set<string> | undefined) ?? [])].sort() } satisfies MigrationState;
  },

  async checkpoint({ cursor, done, addDays = [], newPass }) {
    if (newPass) {
      await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...STATE_KEY, entity: 'area_migration', done: false } }));
      return;
    }
    const set = ['done = :done', ...(cursor ? ['#cursor = :cursor'] : [])].join(', ');
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: STATE_KEY,
        UpdateExpression: `SET ${set}${cursor ? '' : ' REMOVE #cursor'}${addDays.length ? ' ADD days :days' : ''}`,
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':done': done, ...(cursor ? { ':cursor': cursor } : {}), ...(addDays.length ? { ':days': new Set(addDays) } : {}) },
      }),
    );
  },

  async legacyTickets(cursor, limit) {
    // A Scan's Limit counts items evaluated, not tickets matched: pages of 1 ticket would mean one
    // call per reference item. Read big pages, and resume after the last ticket handed out.
    const ids: string[] = [];
    let start = decode(cursor);
    for (;;) {
      const out = await documentClient.send(
        new ScanCommand({
          TableName: tableName(),
          // On the 2024 map exactly while the location names a district (domain/area-migration.ts).
          FilterExpression: 'entity = :ticket AND attribute_exists(#location.#district)',
          ExpressionAttributeNames: { '#location': 'location', '#district': 'districtCode' },
          ExpressionAttributeValues: { ':ticket': 'ticket' },
          ProjectionExpression: 'id, pk, sk',
          Limit: SCAN_PAGE,
          ExclusiveStartKey: start,
        }),
      );
      const items = out.Items ?? [];
      for (const [i, item] of items.entries()) {
        ids.push(item.id as string);
        const more = i < items.length - 1 || out.LastEvaluatedKey !== undefined;
        if (ids.length === limit) return { ids, ...(more ? { cursor: encode({ pk: item.pk, sk: item.sk })! } : {}) };
      }
      if (!out.LastEvaluatedKey) return { ids };
      start = out.LastEvaluatedKey;
    }
  },

  async moveEvent(event, next) {
    const moves = counterMoves(event, { ...event, ticket: next });
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: { pk: ticketKey(event.ticketId).pk, sk: eventSk(event.version) },
              UpdateExpression: 'SET #ticket = :next',
              // Still the snapshot we read: a concurrent run that moved it first moved its counters too.
              ConditionExpression: 'attribute_exists(#ticket.#district) AND #ticket.#ward = :ward AND #ticket.#department = :department',
              ExpressionAttributeNames: { '#ticket': 'ticket', '#district': 'districtCode', '#ward': 'wardCode', '#department': 'departmentId' },
              ExpressionAttributeValues: { ':next': next, ':ward': event.ticket.wardCode, ':department': event.ticket.departmentId },
            },
          },
          ...moves.map(({ key, counters }) => addCounters(key, counters)),
        ],
      });
      return true;
    } catch (error) {
      if (failedConditionIndex(error) === 0) return false;
      throw error;
    }
  },

  async flag(flag, now) {
    const fields = { entity: 'area_migration_flag', kind: flag.kind, id: flag.id, reason: flag.reason, oldCode: flag.oldCode, candidates: [...flag.candidates], ...(flag.detail ? { detail: flag.detail } : {}) };
    const names = Object.keys(fields);
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: flagKey(flag.kind, flag.id),
        // The admin's `resolution` is never overwritten; `flaggedAt` is the first time.
        UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}, flaggedAt = if_not_exists(flaggedAt, :now)`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
        ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n as keyof typeof fields]])), ':now': now.toISOString() },
      }),
    );
  },

  async flags(filter) {
    const items = filter
      ? [(await documentClient.send(new GetCommand({ TableName: tableName(), Key: flagKey(filter.kind, filter.id), ConsistentRead: true }))).Item].filter((i) => i !== undefined)
      : await partitionItems(AREA_MIGRATION_PARTITION, FLAG_PREFIX);
    return items.map((item) => {
      const { pk: _pk, sk: _sk, entity: _e, flaggedAt: _at, ...flag } = item;
      return flag as unknown as MigrationFlag;
    });
  },
};

const storedFlag = (item: Record<string, unknown>) => fromItem<StoredFlag>(item);

/** The admin's side of the flags: paged, by kind (the sort key's `FLAG#<kind>#`), and a resolution. */
export const dynamoMigrationFlagStore: MigrationFlagStore = {
  async flagPage({ kind, limit, cursor }) {
    const page = await queryPage({ partitionValue: AREA_MIGRATION_PARTITION, sortKeyPrefix: kind ? `${FLAG_PREFIX}${kind}#` : FLAG_PREFIX, limit, cursor });
    return { items: page.items.map(storedFlag), nextCursor: page.nextCursor };
  },

  async flag(kind, id) {
    const item = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: flagKey(kind, id), ConsistentRead: true }))).Item;
    return item ? storedFlag(item) : undefined;
  },

  async resolve(kind, id, resolution, by, now) {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: flagKey(kind, id),
          UpdateExpression: 'SET resolution = :r, resolvedAt = :now, resolvedBy = :by',
          // Still a flag offering that ward: a run of the job may have rewritten it since it was read.
          ConditionExpression: 'attribute_exists(pk) AND contains(candidates, :r)',
          ExpressionAttributeValues: { ':r': resolution, ':now': now.toISOString(), ':by': by },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};
