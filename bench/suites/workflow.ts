/**
 * Department workflow.
 *
 * 1. Action overhead: `POST /v1/tickets/{id}/actions` (acknowledge, on a fresh ticket each
 *    time) through the local runtime — token check, API Gateway v2 event, middy + zod, the
 *    ticket read, the state machine, the conditional transaction — against the bare
 *    conditional transaction it performs (Put ticket `version = :expected` + Put event), same
 *    document client, same DynamoDB Local, rotating blocks after a warm-up. A third series,
 *    Get + the same transaction, shows what the read every action needs costs by itself.
 * 2. SLA sweep read cost: read capacity units the sweep's index reads consume (sparse gsi3,
 *    `gsi3sk < now`, ReturnConsumedCapacity) for 1,000 due open tickets, with 1k and then 20k
 *    closed tickets in the table: the figure must not move with the closed ones. A filtered
 *    Scan of the same table is shown for contrast. Then one real sweep run over them.
 */
import { ulid } from 'ulid';
import { round, summary } from '../lib/stats.js';
import { envNumber, type Suite } from '../lib/types.js';

const GOAL_P50_RATIO = 1.5;
const DEPT = 'bench-workflow';

const suite: Suite = {
  order: 40,
  description: 'action latency via the local runtime vs the bare conditional transaction; SLA sweep read units at 1k and 20k closed tickets',
  async run(ctx) {
    const env = await ctx.env();
    const warmup = envNumber('BENCH_WORKFLOW_WARMUP', 200);
    const blocks = envNumber('BENCH_WORKFLOW_BLOCKS', 20);
    const blockSize = envNumber('BENCH_WORKFLOW_BLOCK', 50);
    const openDue = envNumber('BENCH_SWEEP_OPEN', 1000);
    const closedSmall = envNumber('BENCH_SWEEP_CLOSED_SMALL', 1000);
    const closedLarge = envNumber('BENCH_SWEEP_CLOSED_LARGE', 20000);

    const { BatchWriteCommand, GetCommand, ScanCommand, TransactWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
    const { departmentItem } = await import('../../shared/adapters/dynamodb/department-directory.js');
    const { dynamoReferenceStore } = await import('../../shared/adapters/dynamodb/reference-store.js');
    const { dynamoTicketQueries } = await import('../../shared/adapters/dynamodb/ticket-queries.js');
    const { eventToItem, ticketToItem } = await import('../../shared/adapters/dynamodb/ticket-items.js');
    const { dependencies } = await import('../../shared/adapters/dependencies.js');
    const { runSlaSweep } = await import('../../shared/app/sla-sweep.js');
    const { openTicket } = await import('../../shared/domain/ticket.js');
    const { applyAction } = await import('../../shared/domain/workflow.js');
    type Ticket = import('../../shared/domain/ticket.js').Ticket;

    process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
    await documentClient.send(new BatchWriteCommand({
      RequestItems: {
        [env.tableName]: [
          departmentItem({ id: DEPT, name: { vi: 'Bench', en: 'Bench' }, kind: 'ward', areaCode: '00001', parentId: `${DEPT}-parent`, active: true }),
          departmentItem({ id: `${DEPT}-parent`, name: { vi: 'Bench parent', en: 'Bench parent' }, kind: 'district', areaCode: '001', active: true }),
        ].map((Item) => ({ PutRequest: { Item } })),
      },
    }));
    const category = (await dynamoReferenceStore.category('health'))!;
    const calendar = await dynamoReferenceStore.calendar();
    const citizen = env.citizens[0]!.principal;
    const staffToken = await env.auth.mint({ sub: 'bench-staff', groups: ['staff'], departmentId: DEPT });

    const newTicket = (now = new Date(), overrides: Partial<Ticket> = {}) => {
      const made = openTicket({
        id: ulid(), ref: `BENCH-${ulid()}`, eventId: ulid(), now, citizen, category, calendar,
        input: { category: 'health', description: 'Trạm y tế phường đóng cửa giờ hành chính không báo trước.', location: { wardCode: '00001' } },
        routing: { departmentId: DEPT, ruleId: null },
      });
      return { ticket: { ...made.ticket, ...overrides }, event: made.event };
    };
    async function writeAll(items: Record<string, unknown>[]) {
      const batches: Record<string, unknown>[][] = [];
      for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < batches.length) {
          let request: Record<string, any> | undefined = { [env.tableName]: batches[next++]!.map((Item) => ({ PutRequest: { Item } })) };
          while (request && Object.keys(request).length) request = (await documentClient.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
        }
      }));
    }
    const seedOpen = async (count: number, now?: Date) => {
      const made = Array.from({ length: count }, () => newTicket(now));
      await writeAll(made.flatMap(({ ticket, event }) => [ticketToItem(ticket), eventToItem(event, ticket)]));
      return made.map((m) => m.ticket);
    };

    // ── 1. action overhead ─────────────────────────────────────────────────────────────────
    const samples = warmup + blocks * blockSize;
    ctx.log(`workflow: seeding ${3 * samples} tickets for the action series`);
    const forHttp = await seedOpen(samples);
    const forBare = await seedOpen(samples);
    const forReadWrite = await seedOpen(samples);

    let h = 0;
    async function viaHttp(): Promise<number> {
      const ticket = forHttp[h++]!;
      const body = JSON.stringify({ action: 'acknowledge', expectedVersion: 1 });
      const t0 = performance.now();
      const res = await env.request('POST', `/v1/tickets/${ticket.id}/actions`, { token: staffToken, body });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`POST /actions: ${res.status} ${res.body.slice(0, 300)}`);
      return ms;
    }
    function conditionalWrite(ticket: Ticket) {
      const change = applyAction(ticket, { action: 'acknowledge' }, { now: new Date(), eventId: ulid(), actor: { id: 'bench-staff', role: 'staff' }, category, calendar });
      // The same two conditional puts as dynamoTicketStore.update.
      const command = new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: env.tableName, Item: ticketToItem(change.ticket), ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': 1 }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          { Put: { TableName: env.tableName, Item: eventToItem(change.event, change.ticket), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      });
      return command;
    }
    let b = 0;
    async function bare(): Promise<number> {
      const command = conditionalWrite(forBare[b++]!);
      const t0 = performance.now();
      await documentClient.send(command);
      return performance.now() - t0;
    }
    /** The least any optimistic read-modify-write does: read the item, then the same conditional transaction. */
    let r = 0;
    async function readWrite(): Promise<number> {
      const ticket = forReadWrite[r++]!;
      const t0 = performance.now();
      await documentClient.send(new GetCommand({ TableName: env.tableName, Key: { pk: `TICKET#${ticket.id}`, sk: 'TICKET' } }));
      await documentClient.send(conditionalWrite(ticket));
      return performance.now() - t0;
    }
    ctx.log(`workflow: warm-up ${warmup} × 3, then ${blocks} rotating rounds of 3 blocks of ${blockSize}`);
    for (let i = 0; i < warmup; i++) {
      await viaHttp();
      await bare();
      await readWrite();
    }
    const http: number[] = [];
    const direct: number[] = [];
    const withRead: number[] = [];
    const series = [[viaHttp, http], [bare, direct], [readWrite, withRead]] as const;
    for (let k = 0; k < blocks; k++) {
      // rotate the order so machine noise falls on every series alike
      for (let j = 0; j < series.length; j++) {
        const [run, into] = series[(k + j) % series.length]!;
        for (let i = 0; i < blockSize; i++) into.push(await run());
      }
    }
    const a = summary(http);
    const d = summary(direct);
    const rw = summary(withRead);
    const p50Ratio = a.p50 / d.p50;

    // ── 2. sweep read cost ─────────────────────────────────────────────────────────────────
    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
    /** What the sweep's reads cost: every page of the due range, read only (nothing changes). */
    async function sweepReads() {
      let readUnits = 0;
      let examined = 0;
      let pages = 0;
      let cursor: string | undefined;
      do {
        const page = await dynamoTicketQueries.dueBefore(now, { limit: 100, cursor });
        readUnits += page.readUnits;
        examined += page.items.length;
        pages++;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { readUnits, examined, pages };
    }
    async function scanReads() {
      let readUnits = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await documentClient.send(new ScanCommand({
          TableName: env.tableName, FilterExpression: 'entity = :t AND #s <> :closed', ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':t': 'ticket', ':closed': 'closed' }, ExclusiveStartKey: start, ReturnConsumedCapacity: 'TOTAL',
        }));
        readUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return readUnits;
    }
    const seedClosed = async (count: number) => {
      await writeAll(Array.from({ length: count }, () => ticketToItem(newTicket(monthAgo, { status: 'closed', closedAt: now.toISOString(), version: 4 }).ticket)));
    };

    ctx.log(`workflow: ${openDue} due open tickets, ${closedSmall} closed`);
    await seedOpen(openDue, monthAgo);
    await seedClosed(closedSmall);
    const small = await sweepReads();
    const scanSmall = await scanReads();
    ctx.log(`workflow: +${closedLarge - closedSmall} closed (${closedLarge} in all)`);
    await seedClosed(closedLarge - closedSmall);
    const large = await sweepReads();
    const scanLarge = await scanReads();
    if (small.examined !== openDue || large.examined !== openDue) ctx.log(`workflow: note: the due range held ${small.examined} / ${large.examined} tickets (other suites' data?)`);
    const per1k = (units: number, examined: number) => (units * 1000) / Math.max(1, examined);
    const growth = large.readUnits / small.readUnits;

    const t0 = performance.now();
    const run = await runSlaSweep(dependencies, { now });
    const sweepSeconds = (performance.now() - t0) / 1000;
    const again = await runSlaSweep(dependencies, { now });

    return {
      rows: [
        { suite: 'workflow', metric: 'POST /actions (acknowledge) p50', value: round(a.p50, 3), unit: 'ms', baseline: round(d.p50, 3), ratio: round(p50Ratio, 3), goal: `ratio ≤ ${GOAL_P50_RATIO}`, ok: p50Ratio <= GOAL_P50_RATIO, note: `floor: bare conditional TransactWriteItems; n=${a.n}+${d.n}` },
        { suite: 'workflow', metric: 'POST /actions (acknowledge) p99', value: round(a.p99, 3), unit: 'ms', baseline: round(d.p99, 3), ratio: round(a.p99 / d.p99, 3) },
        { suite: 'workflow', metric: 'POST /actions p50 vs Get + conditional tx', value: round(a.p50, 3), unit: 'ms', baseline: round(rw.p50, 3), ratio: round(a.p50 / rw.p50, 3), note: `the read alone: Get + tx is ${round(rw.p50 / d.p50, 2)}× the bare tx` },
        { suite: 'workflow', metric: `sweep read units per 1,000 due, ${closedSmall} closed`, value: round(per1k(small.readUnits, small.examined), 2), unit: 'RCU', note: `${small.examined} due, ${small.pages} pages; a Scan: ${round(scanSmall, 1)} RCU` },
        { suite: 'workflow', metric: `sweep read units per 1,000 due, ${closedLarge} closed`, value: round(per1k(large.readUnits, large.examined), 2), unit: 'RCU', baseline: round(per1k(small.readUnits, small.examined), 2), ratio: round(growth, 3), goal: 'ratio = 1 (flat in closed tickets)', ok: Math.abs(growth - 1) < 0.01, note: `a Scan: ${round(scanLarge, 1)} RCU` },
        { suite: 'workflow', metric: `sweep run over ${run.examined} due tickets`, value: round(sweepSeconds, 2), unit: 's', note: `${run.changes.length} changes, ${run.readUnits} RCU; second run: ${again.examined} read, ${again.changes.length} changes` },
      ],
      details: {
        action: { http: roundAll(a), bare: roundAll(d), getThenTx: roundAll(rw), warmup, blocks, blockSize },
        sweep: { small, large, scanSmall, scanLarge, run: { examined: run.examined, changes: run.changes.length, readUnits: run.readUnits, seconds: round(sweepSeconds, 2) }, again: { examined: again.examined, changes: again.changes.length } },
      },
      notes: [
        'DynamoDB Local reports consumed capacity from item sizes as DynamoDB does (eventually consistent Query: 0.5 RCU per 4 KB); its latencies are not AWS latencies.',
      ],
    };
  },
};

function roundAll(s: ReturnType<typeof summary>) {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 3)]));
}

export default suite;
