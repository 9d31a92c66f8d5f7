/**
 * Intake overhead: what the API adds on top of the one DynamoDB transaction intake performs.
 *
 * Series A: `POST /v1/tickets` through the local runtime's HTTP server (token check, API
 * Gateway v2 event, middy + zod, use case, the transaction, the response), one request at a
 * time over a keep-alive connection.
 * Series B: the bare TransactWriteItems with the same items (openTicket → ticketToItem /
 * eventToItem, same conditions), through the same document client and DynamoDB Local.
 * Both run in alternating blocks after a warm-up, so machine noise falls on both.
 */
import { ulid } from 'ulid';
import { envNumber, type Suite } from '../lib/types.js';
import { round, summary } from '../lib/stats.js';

const GOAL_P50_RATIO = 1.5;

const suite: Suite = {
  order: 10,
  description: 'p50/p99 of POST /v1/tickets via the local runtime vs the bare TransactWriteItems it performs',
  async run(ctx) {
    const env = await ctx.env();
    const warmup = envNumber('BENCH_INTAKE_WARMUP', 300);
    const blocks = envNumber('BENCH_INTAKE_BLOCKS', 40);
    const blockSize = envNumber('BENCH_INTAKE_BLOCK', 50);

    // Imported here, after the process env points the SDK at DynamoDB Local.
    const { TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    const { dynamoRouter } = await import('../../shared/adapters/dynamodb/router.js');
    const { ticketToItem, eventToItem } = await import('../../shared/adapters/dynamodb/ticket-items.js');
    const { openTicket } = await import('../../shared/domain/ticket.js');

    const bodies = env.bodies.map((b) => JSON.stringify(b));
    // What the use case would look up (cached on its side too): resolved once, outside the timing.
    const lookups = await Promise.all(
      env.bodies.map(async (input) => ({
        input,
        category: (await dynamoReferenceStore.category(input.category))!,
        routing: (await dynamoRouter.route(input.category, input.location.wardCode))!,
      })),
    );
    if (lookups.some((l) => !l.category || !l.routing)) throw new Error('bench bodies name unknown categories or wards');
    const calendar = await dynamoReferenceStore.calendar();

    let n = 0;
    async function viaHttp(): Promise<number> {
      const i = n++;
      const citizen = env.citizens[i % env.citizens.length]!;
      const body = bodies[i % bodies.length]!;
      const t0 = performance.now();
      const res = await env.request('POST', '/v1/tickets', { token: citizen.token, body });
      const ms = performance.now() - t0;
      if (res.status !== 201) throw new Error(`POST /v1/tickets: ${res.status} ${res.body.slice(0, 300)}`);
      return ms;
    }

    let m = 0;
    async function bare(): Promise<number> {
      const i = m++;
      const citizen = env.citizens[i % env.citizens.length]!;
      const { input, category, routing } = lookups[i % lookups.length]!;
      const { ticket, event } = openTicket({ id: ulid(), ref: `BENCH-${ulid()}`, eventId: ulid(), now: new Date(), citizen: citizen.principal, input, category, routing, calendar });
      // The same two conditional puts as dynamoTicketStore.create (no Idempotency-Key on either side).
      const command = new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: env.tableName, Item: ticketToItem(ticket), ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: env.tableName, Item: eventToItem(event, ticket), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      });
      const t0 = performance.now();
      await documentClient.send(command);
      return performance.now() - t0;
    }

    ctx.log(`intake: warm-up ${warmup} + ${warmup}, then ${blocks} alternating blocks of ${blockSize}`);
    for (let i = 0; i < warmup; i++) {
      await viaHttp();
      await bare();
    }
    const http: number[] = [];
    const direct: number[] = [];
    for (let b = 0; b < blocks; b++) {
      const order = b % 2 === 0 ? ([[viaHttp, http], [bare, direct]] as const) : ([[bare, direct], [viaHttp, http]] as const);
      for (const [run, into] of order) for (let i = 0; i < blockSize; i++) into.push(await run());
    }

    const a = summary(http);
    const d = summary(direct);
    const p50Ratio = a.p50 / d.p50;
    const p99Ratio = a.p99 / d.p99;
    return {
      rows: [
        { suite: 'intake', metric: 'POST /v1/tickets p50', value: round(a.p50, 3), unit: 'ms', baseline: round(d.p50, 3), ratio: round(p50Ratio, 3), goal: `ratio ≤ ${GOAL_P50_RATIO}`, ok: p50Ratio <= GOAL_P50_RATIO, note: `floor: bare TransactWriteItems; n=${a.n}+${d.n}` },
        { suite: 'intake', metric: 'POST /v1/tickets p99', value: round(a.p99, 3), unit: 'ms', baseline: round(d.p99, 3), ratio: round(p99Ratio, 3) },
        { suite: 'intake', metric: 'overhead p50 (difference)', value: round(a.p50 - d.p50, 3), unit: 'ms' },
      ],
      details: { samples: { http: a.n, bare: d.n }, warmup, blocks, blockSize, http: roundAll(a), bare: roundAll(d) },
    };
  },
};

function roundAll(s: ReturnType<typeof summary>) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 3)]));
}

export default suite;
