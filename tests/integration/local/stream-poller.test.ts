import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStreamPoller, type StreamPoller } from '../../../local/stream-poller.js';
import type { StreamConsumer } from '../../../shared/background.js';
import { documentClient } from '../../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../../shared/adapters/dynamodb/table.js';
import { createTestTable } from '../../support/table.js';

const consumer: StreamConsumer = { id: 'test', fn: 'streams/none', insertsWithSkPrefix: 'EVENT#', batchSize: 2 };
const received: DynamoDBStreamEvent[] = [];
/** event ids the handler fails on, and how many more times */
const failing = new Map<string, number>();
let poller: StreamPoller;

const put = (pk: string, sk: string, extra: Record<string, unknown> = {}) =>
  documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk, sk, ...extra } }));

beforeAll(async () => {
  await createTestTable({ seed: false });
  poller = await startStreamPoller({
    tableName: tableName(),
    consumers: [consumer],
    intervalMs: 50,
    maxAttempts: 3,
    handlerFor: async () => async (event): Promise<DynamoDBBatchResponse> => {
      received.push(event);
      const failures = event.Records.filter((r) => {
        const id = r.dynamodb?.NewImage?.eventId?.S ?? '';
        const left = failing.get(id) ?? 0;
        if (left > 0) failing.set(id, left - 1);
        return left > 0;
      });
      return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.dynamodb!.SequenceNumber! })) };
    },
  });
});
afterAll(() => poller.stop());

const deliveredIds = () => received.flatMap((e) => e.Records.map((r) => r.dynamodb?.NewImage?.eventId?.S));

describe('local stream poller', () => {
  it('delivers only inserts of matching items, in Lambda’s event shape and in batches', async () => {
    received.length = 0;
    await put('TICKET#1', 'TICKET', { status: 'assigned' });
    await put('TICKET#1', 'EVENT#000001', { eventId: 'e1' });
    await put('TICKET#1', 'EVENT#000002', { eventId: 'e2' });
    await put('TICKET#1', 'EVENT#000003', { eventId: 'e3' });
    await documentClient.send(new UpdateCommand({ TableName: tableName(), Key: { pk: 'TICKET#1', sk: 'EVENT#000001' }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': 1 } }));
    await poller.drain();
    expect(deliveredIds()).toEqual(['e1', 'e2', 'e3']);
    expect(received.every((e) => e.Records.length <= 2)).toBe(true);
    const record = received[0]!.Records[0]!;
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: expect.stringContaining('arn:aws:dynamodb'), dynamodb: { Keys: { pk: { S: 'TICKET#1' }, sk: { S: 'EVENT#000001' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    expect(typeof record.dynamodb?.ApproximateCreationDateTime).toBe('number');
  });

  it('redelivers from the first failed record until it succeeds', async () => {
    received.length = 0;
    failing.set('f2', 1);
    await put('TICKET#2', 'EVENT#000001', { eventId: 'f1' });
    await put('TICKET#2', 'EVENT#000002', { eventId: 'f2' });
    await poller.drain();
    // f1 and f2 in one batch; f2 failed once and came back alone
    expect(deliveredIds()).toEqual(['f1', 'f2', 'f2']);
    expect(poller.deadLetters).toEqual([]);
  });

  it('sets a poison record aside after bounded attempts and goes on with the rest', async () => {
    received.length = 0;
    failing.set('p1', 100);
    await put('TICKET#3', 'EVENT#000001', { eventId: 'p1' });
    await put('TICKET#3', 'EVENT#000002', { eventId: 'p2' });
    await put('TICKET#3', 'EVENT#000003', { eventId: 'p3' });
    await poller.drain();
    expect(poller.deadLetters.map((d) => d.records.map((r) => r.dynamodb?.NewImage?.eventId?.S))).toEqual([['p1']]);
    expect(deliveredIds().filter((id) => id === 'p1')).toHaveLength(3);
    expect(deliveredIds()).toEqual(expect.arrayContaining(['p2', 'p3']));
  });
});
