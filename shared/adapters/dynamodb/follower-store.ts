/**
 * Followers in the single table (docs/data-model.md):
 *
 *   follower      pk TICKET#<id>  sk FOLLOWER#<sub>    gsi1 CITIZEN#<sub> / FOLLOWING#<id>
 *   follow event  pk TICKET#<id>  sk FOLLOWS#<eventId>  expiresAt (TTL): the outbox the metrics consumer counts
 *
 * Each follow is one transaction: Put the follower (absent), SET the ticket's `followers` from
 * the count just read (condition: still that count, still that version), Put the outbox item.
 * A second follow by the same user fails the first condition and changes nothing; a race with
 * another follower or a staff action fails the second and is retried on a fresh read.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { FollowerStore } from '../../app/ports.js';
import type { FollowVia } from '../../domain/following.js';
import { openStatuses, type Ticket } from '../../domain/ticket.js';
import { documentClient } from './client.js';
import { queryAll } from './query-all.js';
import { tableName } from './table.js';
import { countingSnapshot, FOLLOW_EVENT_PREFIX, FOLLOWER_PREFIX, followerKey, followersSortKey, citizenPartition, queuePartition, ticketFromItem, ticketKey } from './ticket-items.js';
import { failedConditionIndex, transactWrite } from './transact.js';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

const ulid = monotonicFactory();
/** Followers per transaction (each is one action; the ticket and the outbox item take two more). */
const CHUNK = 48;
/** Each round of racing follows lets at least one through: enough for a burst, then a 500 the client retries. */
const ATTEMPTS = 20;
const jitter = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
const FOLLOW_EVENT_TTL_S = 7 * 86_400;

async function readTicket(id: string): Promise<Ticket | undefined> {
  const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: ticketKey(id), ConsistentRead: true }));
  return out.Item ? ticketFromItem(out.Item) : undefined;
}

/**
 * SET the count from what was read, only if neither it nor the version moved since, and with it
 * the queue's most-followed-first key (gsi7), which the count orders.
 */
function setCount(ticket: Ticket, next: number) {
  const had = ticket.followers;
  return {
    Update: {
      TableName: tableName(),
      Key: ticketKey(ticket.id),
      UpdateExpression: 'SET #followers = :next, #byFollowersPk = :byFollowersPk, #byFollowersSk = :byFollowersSk',
      ConditionExpression: `#version = :version AND ${had === undefined ? 'attribute_not_exists(#followers)' : '#followers = :had'}`,
      ExpressionAttributeNames: { '#followers': 'followers', '#version': 'version', '#byFollowersPk': 'gsi7pk', '#byFollowersSk': 'gsi7sk' },
      ExpressionAttributeValues: {
        ':next': next,
        ':version': ticket.version,
        ':byFollowersPk': queuePartition(ticket.departmentId, openStatuses.has(ticket.status), ticket.id),
        ':byFollowersSk': followersSortKey(next, ticket.dueAt, ticket.id),
        ...(had === undefined ? {} : { ':had': had }),
      },
    },
  };
}

function followEvent(ticket: Ticket, type: 'followed' | 'unfollowed', count: number, via: FollowVia | undefined, at: Date) {
  const eventId = ulid(at.getTime());
  return {
    Put: {
      TableName: tableName(),
      Item: {
        pk: ticketKey(ticket.id).pk,
        sk: `${FOLLOW_EVENT_PREFIX}${eventId}`,
        entity: 'follow_event',
        eventId,
        ticketId: ticket.id,
        type,
        at: at.toISOString(),
        data: { count, ...(via ? { via: via.kind, ...(via.kind === 'duplicate' ? { from: via.from } : {}) } : {}) },
        ticket: countingSnapshot(ticket),
        expiresAt: Math.floor(at.getTime() / 1000) + FOLLOW_EVENT_TTL_S,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function followerItem(ticketId: string, userId: string, via: FollowVia, at: Date) {
  return {
    ...followerKey(ticketId, userId),
    entity: 'follower',
    gsi1pk: citizenPartition(userId),
    gsi1sk: `FOLLOWING#${ticketId}`,
    ticketId,
    userId,
    at: at.toISOString(),
    via: via.kind,
    ...(via.kind === 'duplicate' ? { from: via.from } : {}),
  };
}

const reasonsOf = (error: unknown) => (error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : undefined);

export const dynamoFollowerStore: FollowerStore = {
  async isFollowing(ticketId, userId) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: followerKey(ticketId, userId) }));
    return out.Item !== undefined;
  },

  async add(ticketId, userIds, via, at) {
    const added: string[] = [];
    let followers: number | undefined;
    const queue = [...new Set(userIds)];
    for (let start = 0; start < queue.length; start += CHUNK) {
      let chunk = queue.slice(start, start + CHUNK);
      for (let attempt = 1; chunk.length > 0; attempt++) {
        const ticket = await readTicket(ticketId);
        if (!ticket) return { added, followers: undefined };
        const next = (ticket.followers ?? 0) + chunk.length;
        try {
          await transactWrite({
            TransactItems: [
              ...chunk.map((userId) => ({ Put: { TableName: tableName(), Item: followerItem(ticketId, userId, via, at), ConditionExpression: 'attribute_not_exists(pk)' } })),
              setCount(ticket, next),
              followEvent(ticket, 'followed', chunk.length, via, at),
            ],
          });
          added.push(...chunk);
          followers = next;
          break;
        } catch (error) {
          const reasons = reasonsOf(error);
          if (!reasons || failedConditionIndex(error) < 0 || attempt >= ATTEMPTS) throw error;
          // Those already following drop out; a moved count or version just needs a fresh read.
          const already = new Set(chunk.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed'));
          chunk = chunk.filter((u) => !already.has(u));
          if (chunk.length === 0) followers = (await readTicket(ticketId))?.followers ?? 0;
          else await jitter(attempt);
        }
      }
    }
    if (followers === undefined) followers = (await readTicket(ticketId))?.followers;
    return { added, followers };
  },

  async remove(ticketId, userId, at) {
    for (let attempt = 1; ; attempt++) {
      const ticket = await readTicket(ticketId);
      if (!ticket) return { removed: false, followers: undefined };
      const next = Math.max(0, (ticket.followers ?? 0) - 1);
      try {
        await transactWrite({
          TransactItems: [
            { Delete: { TableName: tableName(), Key: followerKey(ticketId, userId), ConditionExpression: 'attribute_exists(pk)' } },
            setCount(ticket, next),
            followEvent(ticket, 'unfollowed', 1, undefined, at),
          ],
        });
        return { removed: true, followers: next };
      } catch (error) {
        const reasons = reasonsOf(error);
        if (!reasons || failedConditionIndex(error) < 0) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') return { removed: false, followers: ticket.followers ?? 0 };
        if (attempt >= ATTEMPTS) throw error;
        await jitter(attempt);
      }
    }
  },

  async followersOf(ticketId) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': ticketKey(ticketId).pk, ':prefix': FOLLOWER_PREFIX },
      ProjectionExpression: 'userId',
    });
    return items.map((i) => String(i.userId));
  },
};
