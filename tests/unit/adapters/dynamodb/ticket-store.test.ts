/**
 * The ticket store's transaction handling at the SDK boundary: which cancellations are retried,
 * and how cancellation reasons become the API's errors. DynamoDB Local never raises
 * TransactionConflict, so only a mocked client can show the retry.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { IdempotencyKeyTakenError, RefTakenError } from '../../../../shared/app/ports.js';
import { dynamoTicketStore } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import { failedConditionIndex, transactWrite } from '../../../../shared/adapters/dynamodb/transact.js';
import { NotFoundError, VersionConflictError } from '../../../../shared/domain/errors.js';
import { newTicket } from '../../../support/ticket-fixture.js';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

type Reason = { Code: string; Item?: Record<string, unknown> };
const cancelled = (...reasons: Reason[]) =>
  new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons as never });
const conflict = () => cancelled({ Code: 'None' }, { Code: 'TransactionConflict' });
const input = { TransactItems: [] };

const { ticket, event } = newTicket({ id: '01JTESTTICKET00000000000000', ref: 'HN-261123-0001', eventId: '01JTESTEVENT000000000000000', now: new Date('2026-12-02T02:00:00Z') });

describe('transactWrite', () => {
  it('retries a transient TransactionConflict and succeeds', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(conflict()).rejectsOnce(conflict()).resolves({});
    await transactWrite(input);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('gives up on a conflict that does not pass, with the SDK error', async () => {
    ddb.on(TransactWriteCommand).rejects(conflict());
    await expect(transactWrite(input)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(ddb.commandCalls(TransactWriteCommand).length).toBeGreaterThan(1);
  });

  it('never retries a failed condition, even beside a conflict', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'TransactionConflict' }));
    await expect(transactWrite(input)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('failedConditionIndex', () => {
  it('names the action whose condition failed, -1 otherwise', () => {
    expect(failedConditionIndex(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }))).toBe(2);
    expect(failedConditionIndex(conflict())).toBe(-1);
    expect(failedConditionIndex(new Error('network'))).toBe(-1);
  });
});

describe('dynamoTicketStore', () => {
  it('turns a failed version condition into a 409 carrying the stored version, without reading again', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed', Item: { version: { N: '7' } } }, { Code: 'None' }));
    const error = await dynamoTicketStore.update({ ...ticket, version: 2 }, event, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect((error as VersionConflictError).currentVersion).toBe(7);
    expect(ddb.calls()).toHaveLength(1);
  });

  it('says the ticket is gone when the failed condition comes back without an item', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'None' }));
    await expect(dynamoTicketStore.update({ ...ticket, version: 2 }, event, 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports a taken Idempotency-Key when only the claim failed', async () => {
    // ticket, event, reference, claim
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }));
    await expect(dynamoTicketStore.create(ticket, event, { key: 'k1', requestHash: 'h', expiresAt: 1 })).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
  });

  it('reports a taken reference when only the reference failed, with or without a claim', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }));
    await expect(dynamoTicketStore.create(ticket, event, { key: 'k1', requestHash: 'h', expiresAt: 1 })).rejects.toBeInstanceOf(RefTakenError);
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }));
    await expect(dynamoTicketStore.create(ticket, event)).rejects.toMatchObject({ ref: 'HN-261123-0001' });
  });
});
