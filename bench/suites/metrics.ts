/**
 * Metrics read cost must not grow with the number of tickets: `GET /v1/metrics` (city, this
 * month, by day) at 1,000 and at 50,000 tickets — latency and read units — beside a naive
 * recount over the same tickets (what a dashboard without counters would have to do).
 *
 * Tickets are written straight to the table (ticket + created event items, as intake writes
 * them) with receipt times spread over the month, and counted with the stream consumer's own
 * increments (`counterUpdates`), so the counters hold exactly what production would.
 */
import { capacityMeter } from '../lib/capacity.js';
import { round, summary } from '../lib/stats.js';
import { envNumber, type Row, type Suite } from '../lib/types.js';

const GOAL_RATIO = 1.2;

const suite: Suite = {
  order: 40,
  description: 'GET /v1/metrics latency and read units at 1k vs BENCH_METRICS_LARGE (50k) tickets, beside a naive recount',
  async run(ctx) {
    const env = await ctx.env();
    const small = envNumber('BENCH_METRICS_SMALL', 1_000);
    const large = envNumber('BENCH_METRICS_LARGE', 50_000);
    const samples = envNumber('BENCH_METRICS_SAMPLES', 40);
    const meter = await capacityMeter();

    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const { monotonicFactory } = await import('ulid');
    const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
    const { tableName } = await import('../../shared/adapters/dynamodb/table.js');
    const { batchWrite, inParallel } = await import('../../shared/adapters/dynamodb/area-store.js');
    const { addCounters, counterUpdates } = await import('../../shared/adapters/dynamodb/metric-store.js');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { sumCounters } = await import('../../shared/domain/metrics.js');
    const { eventToItem, ticketToItem, receivedDayPartitions } = await import('../../shared/adapters/dynamodb/ticket-items.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    const { dynamoRouter } = await import('../../shared/adapters/dynamodb/router.js');
    const { openTicket } = await import('../../shared/domain/ticket.js');
    const { daysBetween, monthsOf } = await import('../../shared/domain/periods.js');
    const { localDate } = await import('../../shared/domain/working-hours.js');

    const ulid = monotonicFactory();
    const today = localDate(new Date());
    const month = monthsOf(today, today)[0]!;
    const monthStart = `${month.month}-01`;
    const monthEnd = daysBetween(monthStart, `${month.month}-31`).filter((d) => d.startsWith(month.month)).pop()!;
    const calendar = await dynamoReferenceStore.calendar();
    const resolved = await Promise.all(
      env.bodies.map(async (input) => ({ input, category: (await dynamoReferenceStore.category(input.category))!, routing: (await dynamoRouter.route(input.category, input.location.wardCode))! })),
    );
    const monthStartMs = Date.parse(`${monthStart}T00:00:00+07:00`);
    const monthMs = Date.parse(`${monthEnd}T23:59:59+07:00`) - monthStartMs;

    // Two tables, the same month: one with `small` tickets, one with `large`; requests alternate
    // between them so the machine's noise falls on both sides alike.
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { ensureTable } = await import('../../shared/adapters/dynamodb/create-table.js');
    const tables = { small: tableName(), large: `${tableName()}-large` };
    const admin = new DynamoDBClient({});
    await ensureTable(admin, tables.large);
    admin.destroy();
    const useTable = (name: string) => (process.env.TABLE_NAME = name);

    let written = 0;
    async function addTickets(count: number) {
      const started = performance.now();
      const batch = Array.from({ length: count }, (_, i) => {
        const n = written + i;
        const r = resolved[n % resolved.length]!;
        const citizen = env.citizens[n % env.citizens.length]!;
        return openTicket({ id: ulid(), ref: `BENCH-${ulid()}`, eventId: ulid(), now: new Date(monthStartMs + ((n * 7919) % 1000) / 1000 * monthMs), citizen: citizen.principal, input: r.input, category: r.category, routing: r.routing, calendar });
      });
      const items = batch.flatMap(({ ticket, event }) => [ticketToItem(ticket), eventToItem(event, ticket)]);
      const chunks: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
      await inParallel(chunks, 8, batchWrite);
      // The consumer's own increments, summed per counter item (ADDs commute): the same values
      // one transaction per event would leave, in a fraction of the time.
      const sums = new Map<string, { key: { pk: string; sk: string }; list: Record<string, number>[] }>();
      for (const { ticket, event } of batch) {
        for (const { key, counters } of counterUpdates({ ...event, ticket: eventToItem(event, ticket).ticket as never })) {
          const id = `${key.pk}|${key.sk}`;
          const entry = sums.get(id) ?? { key, list: [] };
          entry.list.push(counters);
          sums.set(id, entry);
        }
      }
      await inParallel([...sums.values()], 16, ({ key, list }) => documentClient.send(new UpdateCommand(addCounters(key, sumCounters(list)).Update)));
      written += count;
      ctx.log(`metrics: ${written} tickets in the table (+${count} in ${round((performance.now() - started) / 1000, 1)} s)`);
    }

    const path = `/v1/metrics?scope=city&from=${monthStart}&to=${monthEnd}&granularity=day`;
    const token = await env.auth.mint({ sub: 'bench-manager', groups: ['manager'], scope: 'city' });

    /** Control: one bare Query of a city counter shard, the engine's own cost for the same tiny read. */
    const bareQuery = () =>
      documentClient.send(
        new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':pk': 'METRIC#city#*#S0', ':a': `D#${monthStart}`, ':b': `D#${monthEnd}` } }),
      );

    async function measureApi() {
      const blank = () => ({ latencies: [] as number[], units: 0, bare: [] as number[] });
      const sides = { small: blank(), large: blank() };
      for (let i = 0; i < samples + 5; i++) {
        for (const side of ['small', 'large'] as const) {
          useTable(tables[side]);
          const t0 = performance.now();
          const { result, readUnits } = await meter.measure(() => env.request('GET', path, { token }));
          const ms = performance.now() - t0;
          if (result.status !== 200) throw new Error(`GET /v1/metrics: ${result.status} ${result.body.slice(0, 200)}`);
          const t1 = performance.now();
          await bareQuery();
          const bareMs = performance.now() - t1;
          if (i >= 5) sides[side].latencies.push(ms), sides[side].bare.push(bareMs), (sides[side].units += readUnits);
        }
      }
      useTable(tables.small);
      return Object.fromEntries(
        Object.entries(sides).map(([k, v]) => [k, { p50: summary(v.latencies).p50, p99: summary(v.latencies).p99, readUnits: v.units / samples, bareQueryP50: summary(v.bare).p50 }]),
      ) as Record<'small' | 'large', { p50: number; p99: number; readUnits: number; bareQueryP50: number }>;
    }

    /** What answering without counters means: read every ticket of the month. */
    async function naiveRecount() {
      let received = 0;
      for (const day of daysBetween(monthStart, monthEnd)) for (const partition of receivedDayPartitions(day)) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await documentClient.send(
            new QueryCommand({ TableName: tableName(), IndexName: 'gsi4', KeyConditionExpression: 'gsi4pk = :pk', ExpressionAttributeValues: { ':pk': partition }, ExclusiveStartKey: start }),
          );
          received += out.Count ?? 0;
          start = out.LastEvaluatedKey;
        } while (start);
      }
      return received;
    }
    async function measureNaive() {
      const runs = 3;
      const latencies: number[] = [];
      let units = 0;
      let counted = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const { result, readUnits } = await meter.measure(naiveRecount);
        latencies.push(performance.now() - t0);
        units += readUnits;
        counted = result;
      }
      return { p50: summary(latencies).p50, readUnits: units / runs, counted };
    }

    useTable(tables.small);
    await addTickets(small);
    const naiveSmall = await measureNaive();
    useTable(tables.large);
    written = 0;
    await addTickets(large);
    const naiveLarge = await measureNaive();
    const { small: apiSmall, large: apiLarge } = await measureApi();
    if (naiveLarge.counted !== large) throw new Error(`naive recount saw ${naiveLarge.counted} of ${large} tickets`);

    const latencyRatio = round(apiLarge.p50 / apiSmall.p50, 2);
    const unitsRatio = round(apiLarge.readUnits / apiSmall.readUnits, 2);
    const rows: Row[] = [
      { suite: 'metrics', metric: `GET /v1/metrics p50 @${large / 1000}k vs @${small / 1000}k tickets`, value: round(apiLarge.p50), unit: 'ms', baseline: round(apiSmall.p50), ratio: latencyRatio, goal: `ratio ≤ ${GOAL_RATIO}`, ok: latencyRatio <= GOAL_RATIO },
      { suite: 'metrics', metric: `GET /v1/metrics read units @${large / 1000}k vs @${small / 1000}k`, value: round(apiLarge.readUnits, 1), unit: 'RCU', baseline: round(apiSmall.readUnits, 1), ratio: unitsRatio, goal: `ratio ≤ ${GOAL_RATIO}`, ok: unitsRatio <= GOAL_RATIO },
      {
        suite: 'metrics',
        metric: `control: one bare Query of a counter shard @${large / 1000}k vs @${small / 1000}k`,
        value: round(apiLarge.bareQueryP50),
        unit: 'ms',
        baseline: round(apiSmall.bareQueryP50),
        ratio: round(apiLarge.bareQueryP50 / apiSmall.bareQueryP50, 2),
        note: 'same tiny read: DynamoDB Local slows as its database grows; DynamoDB does not',
      },
      { suite: 'metrics', metric: `naive recount p50 @${large / 1000}k vs @${small / 1000}k`, value: round(naiveLarge.p50, 0), unit: 'ms', baseline: round(naiveSmall.p50, 0), ratio: round(naiveLarge.p50 / naiveSmall.p50, 1), note: 'reads every ticket of the month' },
      { suite: 'metrics', metric: `naive recount read units @${large / 1000}k vs @${small / 1000}k`, value: round(naiveLarge.readUnits, 0), unit: 'RCU', baseline: round(naiveSmall.readUnits, 0), ratio: round(naiveLarge.readUnits / naiveSmall.readUnits, 1) },
      { suite: 'metrics', metric: `counters vs naive @${large / 1000}k: latency`, value: round(naiveLarge.p50 / apiLarge.p50, 0), unit: '×', note: 'how much faster the counters answer' },
    ];
    return { rows, details: { month: month.month, apiSmall, apiLarge, naiveSmall, naiveLarge, samples } };
  },
};

export default suite;
