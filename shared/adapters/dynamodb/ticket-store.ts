import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AttachUploads, IdempotencyClaim, TicketStore } from '../../app/ports.js';
import { IdempotencyKeyTakenError, RefTakenError } from '../../app/ports.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../../domain/errors.js';
import { attachItems } from './upload-items.js';
import { documentClient } from './client.js';
import { queryAll } from './query-all.js';
import { queryPage } from './query-page.js';
import { tableName } from './table.js';
import { failedConditions, transactWrite } from './transact.js';
import {
  citizenPartition,
  eventFromItem,
  eventToItem,
  idempotencyKey,
  PUBLIC_TICKETS_PARTITION,
  receivedDayPartitions,
  refKey,
  refSequenceKey,
  TICKET_ITEM_KEY,
  ticketFromItem,
  ticketKey,
  ticketToItem,
} from './ticket-items.js';

/** Follows racing one versioned write; past this the writer gets a 409 and re-reads. */
const MAX_FOLLOWER_REBASES = 5;

/** An upload's condition failed after the use case had found it attachable: another write took it first. */
function lostUploadRace(failed: Set<number>, attach: AttachUploads | undefined, firstIndex: number): ValidationError | undefined {
  if (!attach) return undefined;
  const errors = attach.uploadIds.flatMap((_, i) => (failed.has(firstIndex + i) ? [{ path: `${attach.field}.${i}.uploadId`, message: 'already attached to a ticket' }] : []));
  return errors.length ? new ValidationError('An upload is no longer available.', errors) : undefined;
}

export const dynamoTicketStore: TicketStore = {
  async create(ticket, event, claim?: IdempotencyClaim, attach?: AttachUploads) {
    const table = tableName();
    const notExists = 'attribute_not_exists(pk)';
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      { Put: { TableName: table, Item: ticketToItem(ticket), ConditionExpression: notExists } },
      { Put: { TableName: table, Item: eventToItem(event, ticket), ConditionExpression: notExists } },
      // The reference's own item: two tickets can never commit with one reference.
      { Put: { TableName: table, Item: { ...refKey(ticket.ref), entity: 'ref', ticketId: ticket.id }, ConditionExpression: notExists } },
    ];
    if (claim) {
      items.push({
        Put: {
          TableName: table,
          Item: { ...idempotencyKey(ticket.citizenId, claim.key), entity: 'idempotency', ticketId: ticket.id, requestHash: claim.requestHash, expiresAt: claim.expiresAt },
          // TTL deletion lags by up to days, so an expired claim must not block the key.
          ConditionExpression: `${notExists} OR expiresAt < :now`,
          ExpressionAttributeValues: { ':now': Math.floor(Date.parse(ticket.createdAt) / 1000) },
        },
      });
    }
    const firstUpload = items.length;
    if (attach) items.push(...attachItems(attach, ticket.id, ticket.createdAt));
    try {
      await transactWrite({ TransactItems: items });
    } catch (error) {
      const failed = failedConditions(error);
      // A retry's uploads are already attached (to the ticket it created): the claim decides first.
      if (claim && failed.has(3)) throw new IdempotencyKeyTakenError();
      if (failed.has(2)) throw new RefTakenError(ticket.ref);
      throw lostUploadRace(failed, attach, firstUpload) ?? error;
    }
  },

  async update(ticket, event, expectedVersion, attach?: AttachUploads) {
    const table = tableName();
    // `followers` moves without the version (a follow is not a change to the ticket): a
    // follow between our read and this write makes us carry its count over and write again.
    const events = [event].flat();
    let current = ticket;
    for (let attempt = 1; ; attempt++) {
      try {
        await transactWrite({
          TransactItems: [
            {
              Put: {
                TableName: table,
                Item: ticketToItem(current),
                ConditionExpression: `#version = :expected AND ${current.followers === undefined ? 'attribute_not_exists(#followers)' : '#followers = :followers'}`,
                ExpressionAttributeNames: { '#version': 'version', '#followers': 'followers' },
                ExpressionAttributeValues: { ':expected': expectedVersion, ...(current.followers === undefined ? {} : { ':followers': current.followers }) },
                // The current item comes back with the cancellation: no extra read for the 409.
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            ...events.map((e) => ({ Put: { TableName: table, Item: eventToItem(e, current), ConditionExpression: 'attribute_not_exists(pk)' } })),
            ...(attach ? attachItems(attach, ticket.id, ticket.updatedAt) : []),
          ],
        });
        return;
      } catch (error) {
        const failed = failedConditions(error);
        if (!failed.has(0)) throw lostUploadRace(failed, attach, 1 + events.length) ?? error;
        const stored = (error as TransactionCanceledException).CancellationReasons?.[0]?.Item;
        if (!stored) throw new NotFoundError(`No ticket ${ticket.id}.`);
        const storedVersion = Number(stored.version?.N);
        if (storedVersion !== expectedVersion || attempt >= MAX_FOLLOWER_REBASES) throw new VersionConflictError(storedVersion);
        current = { ...current, followers: Number(stored.followers?.N ?? 0) };
      }
    }
  },

  async nextRefSequence(prefix, day) {
    const out = await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: refSequenceKey(prefix, day),
        UpdateExpression: 'SET entity = :entity ADD #seq :one',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'ref_sequence' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes!.seq);
  },

  async idOfRef(ref) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: refKey(ref) }));
    return out.Item ? (out.Item.ticketId as string) : undefined;
  },

  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: ticketKey(id) }));
    return out.Item ? ticketFromItem(out.Item) : undefined;
  },

  async idempotencyRecord(citizenId, key, now) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: idempotencyKey(citizenId, key) }));
    const item = out.Item;
    if (!item || (item.expiresAt as number) < Math.floor(now.getTime() / 1000)) return undefined;
    return { ticketId: item.ticketId as string, requestHash: item.requestHash as string };
  },

  async listPublic({ area, category, limit, cursor }) {
    const areaField = area === undefined ? undefined : ({ 2: 'provinceCode', 3: 'districtCode', 5: 'wardCode' } as const)[area.length as 2 | 3 | 5];
    const clauses = [
      ...(areaField ? ['#location.#area = :area'] : []),
      ...(category ? ['#category = :category'] : []),
    ];
    const page = await queryPage({
      index: 'gsi5',
      partitionValue: PUBLIC_TICKETS_PARTITION,
      itemKey: TICKET_ITEM_KEY,
      filter: clauses.length
        ? {
            expression: clauses.join(' AND '),
            names: { ...(areaField ? { '#location': 'location', '#area': areaField } : {}), ...(category ? { '#category': 'category' } : {}) },
            values: { ...(areaField ? { ':area': area } : {}), ...(category ? { ':category': category } : {}) },
          }
        : undefined,
      newestFirst: true,
      limit,
      cursor,
    });
    return { items: page.items.map(ticketFromItem), nextCursor: page.nextCursor };
  },

  async receivedOn(day) {
    const shards = await Promise.all(receivedDayPartitions(day).map((pk) => queryAll({ IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: { ':pk': pk } })));
    return shards.flat().map(ticketFromItem).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  },

  async events(ticketId) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :events)',
      ExpressionAttributeValues: { ':pk': ticketKey(ticketId).pk, ':events': 'EVENT#' },
    });
    return items.map(eventFromItem);
  },

  async listByCitizen(citizenId, { status, limit, cursor }) {
    const page = await queryPage({
      index: 'gsi1',
      partitionValue: citizenPartition(citizenId),
      sortKeyPrefix: 'TICKET#',
      itemKey: TICKET_ITEM_KEY,
      filter: status ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': status } } : undefined,
      newestFirst: true,
      limit,
      cursor,
    });
    return { items: page.items.map(ticketFromItem), nextCursor: page.nextCursor };
  },
};
