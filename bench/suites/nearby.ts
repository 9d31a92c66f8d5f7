/**
 * "Already reported?" must not cost more as the city's open tickets pile up:
 * `GET /v1/tickets/nearby` (default 250 m radius) at 1,000 and at 50,000 open tickets spread
 * uniformly over Hanoi — read units and p50 — side by side in one run, requests alternating
 * between the two tables so the machine's noise falls on both alike.
 *
 * The cost follows the tickets per geohash cell, not the table, so the spread matters: by default
 * the whole province's bounding box (the "spread over Hanoi"); `BENCH_NEARBY_AREAS=
 * province,core` adds the inner urban districts, where reports crowd and 50k fills cells up to
 * the per-cell cap (50k tickets take minutes to write to DynamoDB Local per spread). Tickets are written straight to
 * the table as intake writes them (ticketToItem, so the sparse gsi6 keys are the real ones).
 */
import { capacityMeter } from '../lib/capacity.js';
import { round, summary } from '../lib/stats.js';
import { envNumber, type Row, type Suite } from '../lib/types.js';

const GOAL_RATIO = 1.2;
/** BatchWriteItem calls in flight while filling (25 items each). */
const FILL_IN_FLIGHT = envNumber('BENCH_NEARBY_FILL_IN_FLIGHT', 8);

/** Bounding boxes [minLat, minLng, maxLat, maxLng]. */
const AREAS = {
  province: { label: 'Hanoi province', box: [20.56, 105.28, 21.39, 106.02] },
  core: { label: 'inner Hanoi', box: [20.96, 105.76, 21.09, 105.88] },
} as const;
type AreaName = keyof typeof AREAS;

/** Deterministic points: both sides get the same query points and the same kind of spread. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pointIn = (box: readonly number[], r: () => number) => ({ lat: box[0]! + r() * (box[2]! - box[0]!), lng: box[1]! + r() * (box[3]! - box[1]!) });

const suite: Suite = {
  order: 45,
  description: 'GET /v1/tickets/nearby read units and p50 at 1k vs BENCH_NEARBY_LARGE (50k) open tickets spread over Hanoi (province and inner districts)',
  async run(ctx) {
    const env = await ctx.env();
    const small = envNumber('BENCH_NEARBY_SMALL', 1_000);
    const large = envNumber('BENCH_NEARBY_LARGE', 50_000);
    // 200: on a loaded 2-core machine a median of 60 moved by ±0.06 in ratio between runs; the searches cost seconds beside the minutes of filling.
    const samples = envNumber('BENCH_NEARBY_SAMPLES', 200);
    const areas = (process.env.BENCH_NEARBY_AREAS ?? 'province').split(',').filter((a): a is AreaName => a in AREAS);
    const meter = await capacityMeter();
    // Public results sign thumbnail URLs (offline: no bucket needs to exist).
    process.env.MEDIA_BUCKET ??= 'bench-media';

    const { monotonicFactory } = await import('ulid');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { tableName } = await import('../../shared/adapters/dynamodb/table.js');
    const { ensureTable } = await import('../../shared/adapters/dynamodb/create-table.js');
    const { batchWrite, inParallel } = await import('../../shared/adapters/dynamodb/area-store.js');
    const { ticketToItem } = await import('../../shared/adapters/dynamodb/ticket-items.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    const { dynamoRouter } = await import('../../shared/adapters/dynamodb/router.js');
    const { openTicket } = await import('../../shared/domain/ticket.js');
    const { cellsCovering, NEARBY_RADIUS } = await import('../../shared/domain/geo.js');
    const { dynamoGeoQueries } = await import('../../shared/adapters/dynamodb/geo-queries.js');
    const { PER_CELL } = await import('../../shared/app/nearby.js');

    const ulid = monotonicFactory();
    const calendar = await dynamoReferenceStore.calendar();
    const resolved = await Promise.all(
      env.bodies.map(async (input) => ({ input, category: (await dynamoReferenceStore.category(input.category))!, routing: (await dynamoRouter.route(input.category, input.location.wardCode))! })),
    );
    const home = tableName();
    const admin = new DynamoDBClient({});
    const useTable = (name: string) => (process.env.TABLE_NAME = name);

    async function fill(table: string, count: number, box: readonly number[], seed: number) {
      await ensureTable(admin, table);
      useTable(table);
      const started = performance.now();
      const r = random(seed);
      const now = Date.now();
      const items = Array.from({ length: count }, (_, n) => {
        const body = resolved[n % resolved.length]!;
        const citizen = env.citizens[n % env.citizens.length]!;
        // Received over the last 30 days: open tickets of every age share the cells.
        const { ticket } = openTicket({ id: ulid(), ref: `HN-261202-${String(n).padStart(5, '0')}`, eventId: ulid(), now: new Date(now - r() * 30 * 86_400_000), citizen: citizen.principal, input: body.input, category: body.category, routing: body.routing, calendar });
        const at = pointIn(box, r);
        // A third carry one or two photos as processing leaves them: the index projects them and public results sign their thumbnails.
        const attachments = n % 3 === 0 ? Array.from({ length: 1 + (n % 2) }, () => ({ id: ulid(), width: 2048, height: 1536, format: 'jpeg' as const })) : [];
        return ticketToItem({ ...ticket, attachments, location: { ...ticket.location, lat: at.lat, lng: at.lng }, visibility: n % 2 === 0 ? 'public' : 'private' });
      });
      const chunks: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
      await inParallel(chunks, FILL_IN_FLIGHT, batchWrite);
      const seconds = (performance.now() - started) / 1000;
      ctx.log(`nearby: ${count} open tickets in ${table} (${round(seconds, 1)} s, ${Math.round(count / seconds)} items/s, BatchWriteItem × 25, ${FILL_IN_FLIGHT} in flight)`);
      return seconds;
    }

    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    for (const [i, name] of areas.entries()) {
      const { label, box } = AREAS[name];
      const tables = { small: `${home}-nearby-${name}-small`, large: `${home}-nearby-${name}-large` };
      const fillSeconds = { small: round(await fill(tables.small, small, box, 1 + i * 10), 1), large: round(await fill(tables.large, large, box, 2 + i * 10), 1) };

      const r = random(99 + i);
      const points = Array.from({ length: samples + 5 }, () => pointIn(box, r));
      const blank = () => ({ latencies: [] as number[], bare: [] as number[], units: 0, billed: 0, reads: 0, results: 0 });
      const sides = { small: blank(), large: blank() };
      let cells = 0;
      for (const [k, p] of points.entries()) {
        for (const side of ['small', 'large'] as const) {
          useTable(tables[side]);
          const t0 = performance.now();
          const { result, readUnits, billedReadUnits, reads } = await meter.measure(() => env.request('GET', `/v1/tickets/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}`));
          const ms = performance.now() - t0;
          if (result.status !== 200) throw new Error(`GET /v1/tickets/nearby: ${result.status} ${result.body.slice(0, 200)}`);
          // Control: the same cells' Queries alone, straight to the table (what DynamoDB Local itself takes to return the entries).
          const b0 = performance.now();
          await dynamoGeoQueries.openInCells(cellsCovering(p, NEARBY_RADIUS.default), { perCell: PER_CELL });
          const bareMs = performance.now() - b0;
          if (k >= 5) {
            const s = sides[side];
            s.latencies.push(ms);
            s.bare.push(bareMs);
            s.units += readUnits;
            s.billed += billedReadUnits;
            s.reads += reads;
            s.results += (JSON.parse(result.body) as { items: unknown[] }).items.length;
          }
        }
        if (k >= 5) cells += cellsCovering(p, NEARBY_RADIUS.default).length;
      }
      useTable(home);
      const stat = (s: ReturnType<typeof blank>) => ({
        p50: summary(s.latencies).p50,
        p99: summary(s.latencies).p99,
        bareP50: summary(s.bare).p50,
        billedReadUnits: s.billed / samples,
        reportedReadUnits: s.units / samples,
        queries: s.reads / samples,
        results: s.results / samples,
      });
      const at = { small: stat(sides.small), large: stat(sides.large) };
      const ratio = (k: 'billedReadUnits' | 'reportedReadUnits' | 'p50' | 'bareP50') => round(at.large[k] / at.small[k], 2);
      const scale = `@${large / 1000}k vs @${small / 1000}k open tickets, ${label}`;
      rows.push(
        {
          suite: 'nearby',
          metric: `GET /v1/tickets/nearby read units ${scale}`,
          value: round(at.large.billedReadUnits, 2),
          unit: 'RCU',
          baseline: round(at.small.billedReadUnits, 2),
          ratio: ratio('billedReadUnits'),
          goal: `ratio ≤ ${GOAL_RATIO}`,
          ok: ratio('billedReadUnits') <= GOAL_RATIO,
          note: `as DynamoDB bills: ≥ 0.5 per Query; ${round(at.large.queries, 2)} Queries per search`,
        },
        {
          suite: 'nearby',
          metric: `read units as DynamoDB Local reports them ${scale}`,
          value: round(at.large.reportedReadUnits, 2),
          unit: 'RCU',
          baseline: round(at.small.reportedReadUnits, 2),
          ratio: ratio('reportedReadUnits'),
          note: 'DynamoDB Local counts 0 for a Query that finds nothing',
        },
        { suite: 'nearby', metric: `GET /v1/tickets/nearby p50 ${scale}`, value: round(at.large.p50), unit: 'ms', baseline: round(at.small.p50), ratio: ratio('p50'), goal: `ratio ≤ ${GOAL_RATIO}`, ok: ratio('p50') <= GOAL_RATIO },
        {
          suite: 'nearby',
          metric: `control: the search's gsi6v2 Queries alone, p50 ${scale}`,
          value: round(at.large.bareP50, 2),
          unit: 'ms',
          baseline: round(at.small.bareP50, 2),
          ratio: ratio('bareP50'),
          note: `DynamoDB Local returning the entries (not AWS timings); the route adds ${round(at.small.p50 - at.small.bareP50, 1)} ms at ${small / 1000}k and ${round(at.large.p50 - at.large.bareP50, 1)} ms at ${large / 1000}k`,
        },
        { suite: 'nearby', metric: `results per search ${scale}`, value: round(at.large.results, 2), unit: 'items', baseline: round(at.small.results, 2), note: `${round(cells / samples, 2)} cells queried per search` },
        {
          suite: 'nearby',
          metric: `fill ${large / 1000}k open tickets (BatchWriteItem × 25, ${FILL_IN_FLIGHT} in flight), ${label}`,
          value: round(large / fillSeconds.large),
          unit: 'items/s',
          note: `${fillSeconds.large} s (${small / 1000}k: ${fillSeconds.small} s)`,
        },
      );
      details[name] = { box, ...at, cellsPerSearch: cells / samples, samples, fillSeconds };
    }
    admin.destroy();
    return {
      rows,
      details,
      notes: ['Read units follow the open tickets per geohash cell (each cell Query reads its newest 50 at most), not the table: more tickets in the same area means fuller cells.'],
    };
  },
};

export default suite;
