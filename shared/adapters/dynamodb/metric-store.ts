/**
 * Stream-fed counters, exactly once. Each counted event is one transaction: a marker for the
 * event id (condition: absent) plus an ADD on every counter it moves. A redelivered event
 * fails the marker's condition and changes nothing, so replays cannot double count.
 *
 * Layout (docs/data-model.md): `METRIC#<scope>#<category|*>[#S<n>]` / `D#<day>` | `M#<month>`;
 * the city and department scopes are write-sharded; departments are also written by period
 * (`RANK#D#<day>` | `RANK#M#<month>` / `<departmentId>`) so a ranking reads one partition per
 * period instead of one per department.
 */
import { createHash } from 'node:crypto';
import { ANY_CATEGORY } from '../../domain/category.js';
import { cohortPeriods, incrementsFor, sumCounters, type CountedEvent, type Counters } from '../../domain/metrics.js';
import { CITY_SCOPE, parseScope } from '../../domain/scope.js';
import type { MetricReader } from '../../app/ports.js';
import { tableName } from './table.js';
import { failedConditionIndex, transactWrite } from './transact.js';
import { queryAll } from './query-all.js';

/**
 * The city counters take a write per ticket event city-wide: spread them over shards (32: the
 * busiest city's shard stays under 500 writes/s at national peak, bench hot-keys). Items written
 * when there were 4 shards are S0..S3, which the reader still sums.
 */
export const CITY_SHARDS = 32;
/** The department roll-ups of a period take a write per counted event nationally. */
export const RANK_SHARDS = 16;
/**
 * A department's counters take every event of its tickets, twice (day and month items share the
 * partition): a city department with a province-wide category took ~700 writes/s at national peak
 * (bench hot-keys). Items written before are unsharded, which the reader still sums.
 */
export const DEPARTMENT_SHARDS = 4;
const periodPrefix = { day: 'D#', month: 'M#' } as const;
/** Markers outlive any redelivery: streams keep records 24 h. */
const MARKER_TTL_SECONDS = 7 * 86_400;

const isDepartment = (scope: string) => scope.startsWith('department-');
const shardsOf = (scope: string) => (scope === CITY_SCOPE ? CITY_SHARDS : isDepartment(scope) ? DEPARTMENT_SHARDS : 1);
const counterBase = (scope: string, category: string) => `METRIC#${scope}#${category}`;
const counterPartition = (scope: string, category: string, shard: number) => `${counterBase(scope, category)}${shardsOf(scope) > 1 ? `#S${shard % shardsOf(scope)}` : ''}`;
/** Every shard, and a department's unsharded partition of before (the city had 4 shards, S0..S3, among today's). */
const counterPartitions = (scope: string, category: string) => [
  ...Array.from({ length: shardsOf(scope) }, (_, shard) => counterPartition(scope, category, shard)),
  ...(isDepartment(scope) ? [counterBase(scope, category)] : []),
];
const shardFor = (eventId: string) => createHash('sha1').update(eventId).digest()[0]! % CITY_SHARDS;
const rankBase = (granularity: 'day' | 'month', period: string) => `RANK#${periodPrefix[granularity]}${period}`;
/** Written by the event's hash; read as every shard plus the unsharded partition of the items written before sharding. */
const rankPartition = (granularity: 'day' | 'month', period: string, eventId: string) => `${rankBase(granularity, period)}#S${shardFor(eventId) % RANK_SHARDS}`;
const rankPartitions = (granularity: 'day' | 'month', period: string) => [rankBase(granularity, period), ...Array.from({ length: RANK_SHARDS }, (_, s) => `${rankBase(granularity, period)}#S${s}`)];
export const markerKey = (eventId: string) => ({ pk: `METRIC_MARK#${eventId}`, sk: 'METRIC_MARK' });

/** The transaction item that adds `counters` to one counter item. */
export function addCounters(key: Record<string, string>, counters: Counters) {
  const fields = Object.keys(counters);
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')} SET entity = :entity`,
      ExpressionAttributeNames: Object.fromEntries(fields.map((f, i) => [`#f${i}`, f])),
      ExpressionAttributeValues: { ...Object.fromEntries(fields.map((f, i) => [`:v${i}`, counters[f]])), ':entity': 'counter' },
    },
  };
}

/** The counter items one event moves and by how much (empty: the event counts nothing). */
export function counterUpdates(event: CountedEvent): Array<{ key: { pk: string; sk: string }; counters: Counters }> {
  const { day, month } = cohortPeriods(event.ticket.createdAt);
  const shard = shardFor(event.eventId);
  return incrementsFor(event).flatMap(({ scope, category, counters }) => {
    const pk = counterPartition(scope, category, shard);
    const updates = [{ key: { pk, sk: `D#${day}` }, counters }, { key: { pk, sk: `M#${month}` }, counters }];
    const unit = category === ANY_CATEGORY ? parseScope(scope) : undefined;
    if (unit?.kind === 'department') {
      updates.push({ key: { pk: rankPartition('day', day, event.eventId), sk: unit.id }, counters }, { key: { pk: rankPartition('month', month, event.eventId), sk: unit.id }, counters });
    }
    return updates;
  });
}

/** Applies one event's increments; false when it had already been counted. */
export async function applyEvent(event: CountedEvent, now = new Date()): Promise<boolean> {
  const updates = counterUpdates(event).map(({ key, counters }) => addCounters(key, counters));
  if (updates.length === 0) return false;
  try {
    await transactWrite({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: { ...markerKey(event.eventId), entity: 'metric_marker', expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...updates,
      ],
    });
    return true;
  } catch (error) {
    if (failedConditionIndex(error) === 0) return false;
    throw error;
  }
}

function partitionItems(pk: string, fromSk?: string, toSk?: string): Promise<Record<string, unknown>[]> {
  return queryAll({
    KeyConditionExpression: fromSk ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk',
    ExpressionAttributeValues: fromSk ? { ':pk': pk, ':from': fromSk, ':to': toSk } : { ':pk': pk },
  });
}


export const dynamoMetricReader: MetricReader = {
  async counters(scope, category, granularity, from, to) {
    const prefix = periodPrefix[granularity];
    const shards = counterPartitions(scope, category).map((pk) => partitionItems(pk, prefix + from, prefix + to));
    const byPeriod = new Map<string, Counters[]>();
    for (const item of (await Promise.all(shards)).flat()) {
      const period = (item.sk as string).slice(prefix.length);
      byPeriod.set(period, [...(byPeriod.get(period) ?? []), item as Counters]);
    }
    return new Map([...byPeriod].map(([period, items]) => [period, sumCounters(items)]));
  },

  async departments(granularity, period) {
    const items = (await Promise.all(rankPartitions(granularity, period).map((pk) => partitionItems(pk)))).flat();
    const byDepartment = new Map<string, Counters[]>();
    for (const item of items) byDepartment.set(item.sk as string, [...(byDepartment.get(item.sk as string) ?? []), item as Counters]);
    return new Map([...byDepartment].map(([department, parts]) => [department, sumCounters(parts)]));
  },
};
