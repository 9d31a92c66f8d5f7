import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../../local/handlers.js';
import type { NotificationPublisher, NotificationStore } from '../../../../shared/app/ports.js';
import type { NotificationPreferences } from '../../../../shared/domain/notifications.js';
import { memoryDependencies } from '../../../support/memory.js';
import { notificationsConsumer } from '../../../../shared/adapters/streams/notifications-consumer.js';

/** The in-memory notification store (tests/support/memory.ts), everyone with SMS on; `items` lists what it holds as `owner|event id`. */
function memoryStore() {
  const deps = memoryDependencies();
  const prefs: NotificationPreferences = { channels: { sms: true, email: false, push: false }, phone: '+84901234567', language: 'vi' };
  const store: NotificationStore = { ...deps.notifications, preferences: async () => prefs };
  const items = { keys: () => [...deps.state.inbox.values()].map((i) => `${i.owner.kind === 'user' ? i.owner.userId : i.owner.departmentId}|${i.id}`) };
  return { store, items };
}

let seq = 0;
function record(ticketId: string, version: number, type: string): DynamoDBRecord {
  const item = {
    pk: `TICKET#${ticketId}`,
    sk: `EVENT#${String(version).padStart(6, '0')}`,
    entity: 'event',
    eventId: `E${ticketId}${version}`,
    ticketId,
    version,
    type,
    at: '2026-03-10T02:00:00.000Z',
    actor: { id: 'x', role: 'staff' },
    visibility: 'public',
    data: {},
    ticket: { citizenId: 'alice', departmentId: 'ward-00001', category: 'environment', wardCode: '00001', severity: 'normal', status: 'assigned', dueAt: '2026-03-12T10:00:00.000Z' },
  };
  return { eventID: String(++seq), eventName: 'INSERT', dynamodb: { SequenceNumber: String(seq).padStart(10, '0'), NewImage: marshall(item) as never, Keys: marshall({ pk: item.pk, sk: item.sk }) as never } };
}

const departments = { get: async () => undefined };
const clock = { now: () => new Date('2026-03-10T02:00:01Z') };

describe('notifications consumer', () => {
  it('publishes one ticket’s events in stream order even when the first is slower', async () => {
    const { store } = memoryStore();
    const order: string[] = [];
    const publisher: NotificationPublisher = {
      async publish(message, meta) {
        if (message.channel === 'sms') {
          if (meta.ticketId === 'T1' && meta.eventType === 'created') await new Promise((r) => setTimeout(r, 30));
          order.push(`${meta.ticketId}:${meta.eventType}`);
        }
        return { messageId: 'm' };
      },
    };
    const handler = notificationsConsumer({ notifications: store, departments, publisher, clock });
    const out = await handler({ Records: [record('T1', 1, 'created'), record('T1', 2, 'responded'), record('T2', 1, 'created')] }, lambdaContext('streams/notifications', 1000));
    expect(out).toEqual({ batchItemFailures: [] });
    // Without the per-ticket chain, T1's quick "responded" would overtake its slow "created".
    expect(order.filter((o) => o.startsWith('T1:'))).toEqual(['T1:created', 'T1:responded']);
    // Other tickets are not held up by T1.
    expect(order.indexOf('T2:created')).toBeLessThan(order.indexOf('T1:created'));
  });

  it('fails a ticket’s later events when an earlier one fails, and only that ticket’s', async () => {
    const { store, items } = memoryStore();
    const publisher: NotificationPublisher = {
      async publish(message, meta) {
        if (meta.ticketId === 'T1' && meta.eventType === 'created' && message.channel === 'sms') throw new Error('down');
        return { messageId: 'm' };
      },
    };
    const handler = notificationsConsumer({ notifications: store, departments, publisher, clock, publishAttempts: 1 });
    const records = [record('T1', 1, 'created'), record('T1', 2, 'responded'), record('T2', 1, 'created')];
    const out = await handler({ Records: records }, lambdaContext('streams/notifications', 1000));
    expect(out!.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([records[0]!.dynamodb!.SequenceNumber, records[1]!.dynamodb!.SequenceNumber]);
    // T2 went through; T1's first event has its inbox items (written before the publish), the second none yet.
    expect([...items.keys()].sort()).toEqual(['alice|ET11', 'alice|ET21', 'ward-00001|ET11', 'ward-00001|ET21']);
  });

  it('skips event types it does not know and fails records it cannot read', async () => {
    const { store, items } = memoryStore();
    const published: string[] = [];
    const publisher: NotificationPublisher = { publish: async (_message, meta) => (published.push(meta.eventId), { messageId: 'm' }) };
    const handler = notificationsConsumer({ notifications: store, departments, publisher, clock });
    const unknown = record('T3', 1, 'teleported');
    const broken = record('T4', 1, 'created');
    broken.dynamodb!.NewImage = marshall({ pk: 'TICKET#T4', sk: 'EVENT#000001', type: 'created' }) as never;
    const out = await handler({ Records: [unknown, broken] }, lambdaContext('streams/notifications', 1000));
    expect(out!.batchItemFailures).toEqual([{ itemIdentifier: broken.dynamodb!.SequenceNumber }]);
    // skipped means nothing written and nothing sent, not an inbox item with no text
    expect([...items.keys()]).toEqual([]);
    expect(published).toEqual([]);
  });
});
