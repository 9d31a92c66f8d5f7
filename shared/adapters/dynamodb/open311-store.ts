/**
 * Open311 clients, their per-minute rate counters, and the windowed read of tickets by the
 * day they were received (gsi4, the index counter reconciliation reads). Keys in
 * docs/data-model.md.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Open311ClientStore, Open311TicketQueries, RateLimiter } from '../../app/open311-ports.js';
import type { Open311Client } from '../../app/open311-ports.js';
import type { Ticket } from '../../domain/ticket.js';
import { localDate } from '../../domain/working-hours.js';
import { documentClient } from './client.js';
import { fromItem, tableName } from './table.js';
import { receivedDayPartitions, ticketFromItem } from './ticket-items.js';
import { queryShardsPage } from './query-shards.js';

export const open311ClientKey = (id: string) => ({ pk: `OPEN311CLIENT#${id}`, sk: 'CLIENT' });
/** One item per key and minute: no hot item, and TTL sweeps them. */
export const rateBucketKey = (bucket: string, minute: number) => ({ pk: `RATE#${bucket}#${minute}`, sk: 'RATE' });

export const dynamoOpen311ClientStore: Open311ClientStore = {
  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: open311ClientKey(id) }));
    return out.Item ? fromItem<Open311Client>(out.Item) : undefined;
  },
  async put(client) {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...open311ClientKey(client.id), entity: 'open311-client', ...client } }));
  },
};

export const dynamoRateLimiter: RateLimiter = {
  async take(bucket, limit, now) {
    const minute = Math.floor(now.getTime() / 60_000);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: rateBucketKey(bucket, minute),
          UpdateExpression: 'ADD #n :one SET expiresAt = if_not_exists(expiresAt, :ttl)',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'calls' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': (minute + 2) * 60 },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};

const DAY_MS = 24 * 3600 * 1000;

export const dynamoOpen311TicketQueries: Open311TicketQueries = {
  async receivedBetween({ from, to, category, statuses, offset, limit }) {
    const want = offset + limit;
    const found: Ticket[] = [];
    const names: Record<string, string> = { '#createdAt': 'createdAt' };
    const values: Record<string, unknown> = { ':from': from.toISOString(), ':to': to.toISOString() };
    const clauses = ['#createdAt BETWEEN :from AND :to'];
    if (category) {
      clauses.push('#category = :category');
      names['#category'] = 'category';
      values[':category'] = category;
    }
    if (statuses?.length) {
      clauses.push(`#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`);
      names['#status'] = 'status';
      statuses.forEach((s, i) => (values[`:s${i}`] = s));
    }
    // Newest day first, newest ticket first within a day (ULIDs sort by time).
    const lastDay = localDate(to);
    for (let day = lastDay, t = to.getTime(); day >= localDate(from); t -= DAY_MS, day = localDate(new Date(t))) {
      let cursor: string | undefined;
      do {
        // The day's shards merged newest first, as one partition would list them.
        const page = await queryShardsPage({
          index: 'gsi4',
          partitions: receivedDayPartitions(day),
          filter: { expression: clauses.join(' AND '), names, values },
          newestFirst: true,
          limit: Math.max(want - found.length, 25),
          cursor,
        });
        found.push(...page.items.map(ticketFromItem));
        if (found.length >= want) return found.slice(offset, want);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return found.slice(offset, want);
  },
};
