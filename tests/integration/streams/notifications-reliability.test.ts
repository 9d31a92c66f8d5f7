/**
 * The notifications consumer when SNS misbehaves, through the local poller (which retries
 * reported batch item failures like Lambda and sets poison records aside like an on-failure
 * destination): every event delivered at least once, each inbox item exactly once, nothing
 * dropped, nothing held up behind a failing record.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/handlers.js';
import { startStreamPoller, type StreamPoller } from '../../../local/stream-poller.js';
import type { MessageMeta, NotificationPublisher } from '../../../shared/app/ports.js';
import { dynamoDepartmentDirectory } from '../../../shared/adapters/dynamodb/department-directory.js';
import { documentClient } from '../../../shared/adapters/dynamodb/client.js';
import { dynamoNotificationStore } from '../../../shared/adapters/dynamodb/notification-store.js';
import { tableName } from '../../../shared/adapters/dynamodb/table.js';
import { notificationsConsumer } from '../../../shared/adapters/streams/notifications-consumer.js';
import { streamConsumers } from '../../../shared/background.js';
import type { OutboundMessage } from '../../../shared/domain/notifications.js';
import { useTestApi } from '../../support/api.js';

const api = useTestApi();
const consumer = streamConsumers.find((c) => c.id === 'notifications')!;

/** What the fake SNS saw: every call, and which deduplication ids went through. */
const calls: Array<{ id: string; ok: boolean }> = [];
const delivered = new Map<string, number>();
type Mode = { kind: 'half' } | { kind: 'down-for'; phone: string } | { kind: 'healthy' };
let mode: Mode = { kind: 'healthy' };
/** half: every message of every other event (in the order first seen) fails its first two calls. */
const failuresLeft = new Map<string, number>();
const eventFails = new Map<string, boolean>();

const flaky: NotificationPublisher = {
  async publish(message: OutboundMessage, meta: MessageMeta) {
    const id = meta.deduplicationId;
    let fail = false;
    if (mode.kind === 'half') {
      if (!eventFails.has(meta.eventId)) eventFails.set(meta.eventId, eventFails.size % 2 === 0);
      if (!failuresLeft.has(id)) failuresLeft.set(id, eventFails.get(meta.eventId) ? 2 : 0);
      const left = failuresLeft.get(id)!;
      if (left > 0) {
        failuresLeft.set(id, left - 1);
        fail = true;
      }
    } else if (mode.kind === 'down-for') {
      fail = message.channel === 'sms' && message.phoneNumber === mode.phone;
    }
    calls.push({ id, ok: !fail });
    if (fail) throw Object.assign(new Error('SNS is having a bad day'), { name: 'InternalErrorException' });
    delivered.set(id, (delivered.get(id) ?? 0) + 1);
    return { messageId: `m-${calls.length}` };
  },
};

const handler = notificationsConsumer({
  notifications: dynamoNotificationStore,
  departments: dynamoDepartmentDirectory,
  publisher: flaky,
  clock: { now: () => new Date() },
  // Two tries in process, then the record fails and the stream brings it back.
  publishAttempts: 2,
  retryDelayMs: 5,
});
/** Per delivered batch: all fine, some records reported failed, or all failed (Powertools then throws, Lambda retries the batch). */
const outcomes: Array<'ok' | 'partial' | 'all-failed'> = [];
let poller: StreamPoller;

beforeAll(async () => {
  poller = await startStreamPoller({
    tableName: tableName(),
    consumers: [consumer],
    intervalMs: 50,
    maxAttempts: 3,
    handlerFor: async () => async (event, context) => {
      let response: DynamoDBBatchResponse;
      try {
        response = await handler(event, context);
      } catch (error) {
        outcomes.push('all-failed');
        throw error;
      }
      outcomes.push(response.batchItemFailures.length ? 'partial' : 'ok');
      return response;
    },
  });
});
afterAll(() => poller.stop());

async function items(pk: string) {
  const out = await documentClient.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }));
  return out.Items ?? [];
}

async function citizen(sub: string, phone: string) {
  const token = await api.token({ sub, groups: ['citizen'], phone });
  const res = await api.request('PUT', '/v1/me/preferences', { token, body: { channels: { sms: true, email: true, push: true }, phone, email: `${sub}@example.vn`, language: 'vi' } });
  expect(res.status).toBe(200);
  return token;
}

const body = (i: number) => ({ category: 'roads_traffic', description: `Ổ gà số ${i} trên phố Kim Mã, rất nguy hiểm`, location: { wardCode: '00001' } });

describe('a publisher that fails half its calls', () => {
  it('delivers every message at least once (here: exactly once) and writes each inbox item once', async () => {
    const token = await citizen('dung', '+84901000004');
    mode = { kind: 'half' };
    // All at once, so the stream hands the consumer batches of several records.
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => api.request('POST', '/v1/tickets', { token, body: body(i) })));
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    const tickets: string[] = created.map((r) => r.body.id);
    await poller.drain(60_000);

    // Half the calls failed…
    const failed = calls.filter((c) => !c.ok).length;
    expect(calls.length).toBe(20 * 4 * 2); // 20 events × (sms, email, push, alert); a failing message takes 3 calls, a healthy one 1
    expect(failed / calls.length).toBe(0.5);
    // …some records were reported as batch item failures and retried by the stream…
    expect(outcomes).toContain('partial');
    expect(poller.deadLetters).toEqual([]);
    // …and in the end every message of every event went out once: the ledger kept retries from resending.
    expect(delivered.size).toBe(20 * 4);
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);

    const inbox = await items('INBOX#USER#dung');
    expect(inbox.map((i) => i.ticketId).sort()).toEqual([...tickets].sort());
    const dept = await items('INBOX#DEPT#city-transport');
    expect(dept.filter((i) => tickets.includes(i.ticketId as string))).toHaveLength(20);
    for (const item of inbox) expect(Object.keys(item.deliveries as object).sort()).toEqual(['email', 'push', 'sms']);
  });
});

describe('a message that never goes through', () => {
  it('is set aside after the retries without holding up the others, and a redrive delivers it once SNS is back', async () => {
    const broken = await citizen('giang', '+84901000005');
    const fine = await citizen('hai', '+84901000006');
    mode = { kind: 'down-for', phone: '+84901000005' };
    delivered.clear();
    const stuck = await api.request('POST', '/v1/tickets', { token: broken, body: body(100) });
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await api.request('POST', '/v1/tickets', { token: fine, body: body(101 + i) }));
    await poller.drain(60_000);

    expect(poller.deadLetters).toHaveLength(1);
    const [letter] = poller.deadLetters;
    expect(letter!.records[0]!.dynamodb?.NewImage?.ticketId?.S).toBe(stuck.body.id);
    // The inbox item was written before the publish failed; the records behind it went through.
    expect((await items('INBOX#USER#giang')).map((i) => i.ticketId)).toEqual([stuck.body.id]);
    expect(await items('INBOX#USER#hai')).toHaveLength(3);
    expect([...delivered.keys()].filter((k) => k.endsWith(':user:sms'))).toHaveLength(3);
    const before = (await items('INBOX#USER#giang'))[0]!.deliveries as Record<string, unknown>;
    expect(Object.keys(before).sort()).toEqual(['email', 'push']);

    // Redrive from the on-failure destination once SNS recovers: only the SMS is sent.
    mode = { kind: 'healthy' };
    const sentBefore = delivered.size;
    const response = await handler({ Records: letter!.records }, lambdaContext('streams/notifications', 60_000));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(delivered.size).toBe(sentBefore + 1);
    expect([...delivered.entries()].filter(([k]) => k.endsWith(':user:sms')).every(([, n]) => n === 1)).toBe(true);
    expect(Object.keys((await items('INBOX#USER#giang'))[0]!.deliveries as object).sort()).toEqual(['email', 'push', 'sms']);
  });
});
