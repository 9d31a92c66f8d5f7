/**
 * Hot keys at national peak: which partition key of the table and of each GSI takes the most
 * writes when tickets arrive at 1,200 a second (issue 18's planning load).
 *
 * A representative mix of tickets runs through the local runtime and the real stream consumers:
 * a citizen's photo on some, submit, acknowledge, a staff note on half, the answer with an
 * evidence photo, a rating on most (a third of them "not satisfied", which reopens), a follower
 * on some. Two independent counts, then:
 *  - a middleware on the process's DynamoDB client counts, per table partition key, every write
 *    the code sends and DynamoDB accepts (Put/Update/Delete, each item of a transaction or batch);
 *  - the table's stream (NEW_AND_OLD_IMAGES) gives every item as written, so each GSI's writes
 *    follow from the old and new images exactly as DynamoDB maintains an index: a put where the
 *    new image has the index's keys, a delete where the old one had them, both when they moved.
 * Rates scale the per-ticket write count of each key to the peak: a key every ticket of the
 * country shares (`OPEN`, `RECEIVED#<day>`, `PUBLIC`, `RANK#…`) at 1,200/s; a key of one province
 * (its departments, wards, counters, reference sequence) at the busiest province's Zipf share;
 * a key of one ticket or person is bounded by that one entity's life, not by the peak.
 */
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { round } from '../lib/stats.js';
import { envNumber, type Row, type Suite } from '../lib/types.js';

const PEAK_SUBMISSIONS_PER_SECOND = 1200;
const PROVINCES = 34;
const GOAL_WRITES_PER_SECOND = 500;

/** The share of the busiest of n provinces under Zipf with exponent s (Hanoi, rank 1). */
export function zipfTopShare(n: number, s = 1): number {
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k ** s;
  return 1 / h;
}

export type KeyScope = 'national' | 'province' | 'entity';

/**
 * Who shares a partition key, from its shape (docs/data-model.md). National keys are the ones
 * every ticket of every province writes; entity keys belong to one ticket, person, upload or
 * claim; everything else (a department's queue and inbox, a scope's counters, a geohash cell, a
 * province's reference sequence) is at most one province's.
 */
export function keyScope(key: string): KeyScope {
  // Sharded national keys (`OPEN#<n>`, `RECEIVED#<day>#<n>`, …) are national too: each shard takes its share of every province.
  if (/^(OPEN|RETENTION|PUBLIC)(#\d+)?$/.test(key) || /^(RECEIVED|UPLOADS)#\d{4}-\d{2}-\d{2}(#\d+)?$/.test(key) || key.startsWith('RANK#')) return 'national';
  if (/^METRIC#city#/.test(key)) return 'national';
  if (/^(TICKET|IDEMPOTENCY|REF|UPLOAD|USER|INBOX#USER|METRIC_MARK|CITIZEN|RATE)#/.test(key)) return 'entity';
  return 'province';
}

/** The table's keys and each GSI's, from the one table definition. */
async function indexKeys() {
  const { tableDefinition } = await import('../../shared/adapters/dynamodb/table.js');
  return Object.entries(tableDefinition.indexes).map(([name, index]) => ({ name, pk: index.partitionKey, sk: index.sortKey }));
}

type Image = Record<string, { S?: string; N?: string }> | undefined;

/** GSI writes of one stream record: what DynamoDB does to each index when an item changes. */
export function indexWrites(oldImage: Image, newImage: Image, indexes: { name: string; pk: string; sk: string }[]): Array<{ index: string; key: string }> {
  const out: Array<{ index: string; key: string }> = [];
  const keyOf = (image: Image, i: { pk: string; sk: string }) => (image?.[i.pk]?.S !== undefined && image?.[i.sk]?.S !== undefined ? { pk: image[i.pk]!.S!, sk: image[i.sk]!.S! } : undefined);
  for (const index of indexes) {
    const before = keyOf(oldImage, index);
    const after = keyOf(newImage, index);
    if (before && after && before.pk === after.pk && before.sk === after.sk) out.push({ index: index.name, key: after.pk });
    else {
      if (before) out.push({ index: index.name, key: before.pk });
      if (after) out.push({ index: index.name, key: after.pk });
    }
  }
  return out;
}

/**
 * An item's size as DynamoDB bills it, from a stream image: attribute names plus values (strings
 * and binaries by their bytes, numbers ~1 byte per 2 digits + 1, 3 bytes per list or map plus
 * 1 per element). Close enough to turn write counts into write units (1 per KB, rounded up).
 */
export function itemBytes(image: Record<string, unknown> | undefined): number {
  if (!image) return 0;
  const value = (v: any): number => {
    if (v.S !== undefined) return Buffer.byteLength(v.S);
    if (v.N !== undefined) return Math.ceil(String(v.N).replace(/^-/, '').length / 2) + 1;
    if (v.B !== undefined) return (v.B as Uint8Array).length;
    if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
    if (v.SS) return (v.SS as string[]).reduce((a, x) => a + Buffer.byteLength(x), 0);
    if (v.NS) return (v.NS as string[]).reduce((a, x) => a + Math.ceil(x.length / 2) + 1, 0);
    if (v.L) return 3 + (v.L as any[]).reduce((a, x) => a + 1 + value(x), 0);
    if (v.M) return 3 + Object.entries(v.M as Record<string, any>).reduce((a, [k, x]) => a + 1 + Buffer.byteLength(k) + value(x), 0);
    return 0;
  };
  return Object.entries(image).reduce((a, [k, v]) => a + Buffer.byteLength(k) + value(v), 0);
}

const DATA_COMMANDS = new Set(['GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand', 'TransactGetItemsCommand']);
const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);

/** Every table partition key a successful write command touched. */
function writtenPartitions(command: string, input: Record<string, any>): string[] {
  const pkOf = (item: Record<string, any> | undefined) => item?.pk?.S as string | undefined;
  switch (command) {
    case 'PutItemCommand':
      return [pkOf(input.Item)].filter(Boolean) as string[];
    case 'UpdateItemCommand':
    case 'DeleteItemCommand':
      return [pkOf(input.Key)].filter(Boolean) as string[];
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as any[]).flatMap((t) => [pkOf(t.Put?.Item) ?? pkOf(t.Update?.Key) ?? pkOf(t.Delete?.Key)]).filter(Boolean) as string[];
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, any[]>).flatMap((reqs) => reqs.map((r) => pkOf(r.PutRequest?.Item) ?? pkOf(r.DeleteRequest?.Key))).filter(Boolean) as string[];
    default:
      return [];
  }
}

/** Reads a table's stream from the given positions (or its start) to its end. */
async function readStream(streams: DynamoDBStreamsClient, streamArn: string, after: Map<string, string | undefined>, onRecord?: (r: _Record) => void) {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  for (const shard of StreamDescription?.Shards ?? []) {
    const last = after.get(shard.ShardId!);
    let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ...(last ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: last } : { ShardIteratorType: 'TRIM_HORIZON' }) }))).ShardIterator;
    while (iterator) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      for (const r of out.Records ?? []) {
        onRecord?.(r);
        after.set(shard.ShardId!, r.dynamodb!.SequenceNumber);
      }
      if (!out.Records?.length) break;
      iterator = out.NextShardIterator;
    }
  }
}

const suite: Suite = {
  order: 60,
  description: 'hot keys: busiest partition key of the table and of each GSI at 1,200 submissions/s (Zipf over 34 provinces)',
  async run(ctx) {
    const env = await ctx.env();
    const tickets = envNumber('BENCH_HOTKEYS_TICKETS', 300);
    const concurrency = envNumber('BENCH_HOTKEYS_CONCURRENCY', 4);
    process.env.MEDIA_BUCKET ??= 'bench-media';
    const { startProcessingS3 } = await import('../../local/upload-processing.js');
    const s3 = await startProcessingS3({ port: 0, bucket: process.env.MEDIA_BUCKET });
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    const sharp = (await import('sharp')).default;
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 120, g: 140, b: 90 } } }).jpeg({ quality: 80 }).toBuffer();
    const { dynamo } = await import('../../shared/adapters/dynamodb/client.js');
    const { startStreamPoller } = await import('../../local/stream-poller.js');
    const { streamConsumers } = await import('../../shared/background.js');
    const indexes = await indexKeys();

    const admin = new DynamoDBClient({});
    // The streams client reads only its own endpoint variable; DynamoDB Local serves both.
    const streams = new DynamoDBStreamsClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
    const streamArn = (await admin.send(new DescribeTableCommand({ TableName: env.tableName }))).Table!.LatestStreamArn!;
    const positions = new Map<string, string | undefined>();
    // Reference data was seeded before the run: start counting after it.
    await readStream(streams, streamArn, positions);

    const tableWrites = new Map<string, number>();
    // Capacity units as the engine reports them (asked for on every data call), for the cost model.
    const capacity = { readUnits: 0, writeUnits: 0, transactionalItems: 0, writeItems: 0, calls: new Map<string, number>() };
    const name = 'benchHotKeyCounter';
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        const input = args.input as Record<string, any>;
        const out = await next(args);
        const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> } | undefined)?.ConsumedCapacity;
        const units = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []).reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
        if (WRITE_COMMANDS.has(command)) capacity.writeUnits += units;
        else if (DATA_COMMANDS.has(command)) capacity.readUnits += units;
        if (DATA_COMMANDS.has(command)) capacity.calls.set(command, (capacity.calls.get(command) ?? 0) + 1);
        const written = writtenPartitions(command, input);
        capacity.writeItems += written.length;
        if (command === 'TransactWriteItemsCommand') capacity.transactionalItems += written.length;
        for (const pk of written) tableWrites.set(pk, (tableWrites.get(pk) ?? 0) + 1);
        return out;
      },
      { step: 'build', name },
    );
    // Before serialization, so the request carries it.
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        if (DATA_COMMANDS.has(context.commandName ?? '')) (args.input as Record<string, unknown>).ReturnConsumedCapacity ??= 'TOTAL';
        return next(args);
      },
      { step: 'initialize', name: `${name}Capacity` },
    );
    const poller = await startStreamPoller({ tableName: env.tableName, consumers: streamConsumers });
    const staffTokens = new Map<string, Promise<string>>();
    const staffToken = (departmentId: string) => {
      if (!staffTokens.has(departmentId)) staffTokens.set(departmentId, env.auth.mint({ sub: `bench-staff-${departmentId}`, groups: ['staff'], departmentId }));
      return staffTokens.get(departmentId)!;
    };
    const call = async (method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) => {
      const res = await env.request(method, path, { token, ...(body === undefined ? {} : { body: JSON.stringify(body) }), ...(headers ? { headers } : {}) });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.body.slice(0, 300)}`);
      return res.body ? JSON.parse(res.body) : undefined;
    };
    const uploadPhoto = async (token: string, purpose: 'ticket' | 'evidence') => {
      const grant = await call('POST', '/v1/uploads', token, { purpose, contentType: 'image/jpeg', size: photo.length });
      const form = new FormData();
      for (const [k, v] of Object.entries(grant.fields as Record<string, string>)) form.append(k, v);
      form.append('file', new Blob([new Uint8Array(photo)]), 'photo.jpg');
      const posted = await fetch(grant.url, { method: 'POST', body: form });
      if (posted.status !== 204) throw new Error(`POST to S3: ${posted.status} ${(await posted.text()).slice(0, 300)}`);
      for (;;) {
        const { status } = await call('GET', `/v1/uploads/${grant.id}`, token);
        if (status === 'ready') return { uploadId: grant.id as string };
        if (status === 'rejected') throw new Error('the bench photo was rejected');
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    const events = { created: 0, acknowledged: 0, noted: 0, responded: 0, rated: 0, reopened: 0, followed: 0 };
    const started = performance.now();
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < tickets) {
            const i = next++;
            const citizen = env.citizens[i % env.citizens.length]!;
            const body = { ...env.bodies[i % env.bodies.length]!, ...(i % 5 < 2 ? { attachments: [await uploadPhoto(citizen.token, 'ticket')] } : {}) };
            let ticket = await call('POST', '/v1/tickets', citizen.token, body, { 'idempotency-key': ulid() });
            events.created++;
            const staff = await staffToken(ticket.departmentId);
            const act = async (action: Record<string, unknown>) => (ticket = await call('POST', `/v1/tickets/${ticket.id}/actions`, staff, { ...action, expectedVersion: ticket.version }));
            await act({ action: 'acknowledge' });
            events.acknowledged++;
            if (i % 2 === 0) {
              await act({ action: 'note', message: 'Đã giao tổ công tác kiểm tra hiện trường.' });
              events.noted++;
            }
            if (ticket.visibility === 'public' || i % 10 === 3) {
              await call('POST', `/v1/tickets/${ticket.id}/follow`, env.citizens[(i + 1) % env.citizens.length]!.token).catch(() => undefined);
              events.followed++;
            }
            const respond = async () => {
              await act({ action: 'respond', message: 'Đơn vị đã xử lý xong, có ảnh hiện trường kèm theo.', evidence: [await uploadPhoto(staff, 'evidence')] });
              events.responded++;
            };
            await respond();
            if (i % 10 < 6) {
              const rating = i % 10 < 2 ? 'not_satisfied' : i % 10 < 4 ? 'acceptable' : 'satisfied';
              await call('POST', `/v1/tickets/${ticket.id}/rating`, citizen.token, { rating });
              events.rated++;
              if (rating === 'not_satisfied') {
                events.reopened++;
                ticket = await call('GET', `/v1/tickets/${ticket.id}`, staff);
                await respond();
              }
            }
          }
        }),
      );
      await poller.drain(180_000);
    } finally {
      dynamo.middlewareStack.remove(name);
      dynamo.middlewareStack.remove(`${name}Capacity`);
      await poller.stop();
      await s3.stop();
    }
    const seconds = (performance.now() - started) / 1000;

    const indexWriteCounts = new Map<string, Map<string, number>>(indexes.map((i) => [i.name, new Map()]));
    let streamRecords = 0;
    const streamTable = new Map<string, number>();
    // Write units from the images (1 per KB of the larger of old and new, as DynamoDB bills a
    // write; an index write per the index's entry), and what is stored at the end.
    const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
    const estimated = { tableWriteUnits: 0, indexWriteUnits: new Map<string, number>(indexes.map((i) => [i.name, 0])) };
    const finalItems = new Map<string, Image>();
    await readStream(streams, streamArn, positions, (r) => {
      streamRecords++;
      const pk = (r.dynamodb?.Keys?.pk?.S ?? '') as string;
      streamTable.set(pk, (streamTable.get(pk) ?? 0) + 1);
      const oldBytes = itemBytes(r.dynamodb?.OldImage as Record<string, unknown>);
      const newBytes = itemBytes(r.dynamodb?.NewImage as Record<string, unknown>);
      estimated.tableWriteUnits += kb(Math.max(oldBytes, newBytes));
      finalItems.set(`${pk}|${r.dynamodb?.Keys?.sk?.S ?? ''}`, r.dynamodb?.NewImage as Image);
      for (const w of indexWrites(r.dynamodb?.OldImage as Image, r.dynamodb?.NewImage as Image, indexes)) {
        const counts = indexWriteCounts.get(w.index)!;
        counts.set(w.key, (counts.get(w.key) ?? 0) + 1);
        estimated.indexWriteUnits.set(w.index, estimated.indexWriteUnits.get(w.index)! + kb(Math.max(oldBytes, newBytes)));
      }
    });
    admin.destroy();
    streams.destroy();

    const topShare = zipfTopShare(PROVINCES);
    const rateOf = (key: string, count: number) => {
      const scope = keyScope(key);
      const perTicket = count / tickets;
      return { scope, perTicket, perSecond: scope === 'national' ? perTicket * PEAK_SUBMISSIONS_PER_SECOND : scope === 'province' ? perTicket * PEAK_SUBMISSIONS_PER_SECOND * topShare : 0 };
    };
    const rows: Row[] = [];
    // Stored at the end: the table's items, and each index's copy (+100 bytes of index overhead per item).
    const stored = [...finalItems.values()].filter((i) => i !== undefined);
    const tableBytes = stored.reduce((a, i) => a + itemBytes(i as Record<string, unknown>) + 100, 0);
    const indexBytes = stored.reduce((a, i) => a + indexes.filter((x) => i![x.pk]?.S !== undefined).length * (itemBytes(i as Record<string, unknown>) + 100), 0);
    const perTicket = (n: number) => round(n / tickets, 2);
    const indexUnits = [...estimated.indexWriteUnits.values()].reduce((a, b) => a + b, 0);
    const costModel = {
      note: 'per ticket over its whole life in this mix; units as DynamoDB bills on demand (writes: 1 per KB, transactions 2×; reads: 0.5 per 4 KB eventually consistent)',
      engineReported: { readUnits: perTicket(capacity.readUnits), writeUnits: perTicket(capacity.writeUnits) },
      estimatedFromImages: {
        tableWriteUnits: perTicket(estimated.tableWriteUnits),
        transactionalShare: round(capacity.transactionalItems / Math.max(1, capacity.writeItems), 3),
        tableWriteUnitsWithTransactions: perTicket(estimated.tableWriteUnits * (1 + capacity.transactionalItems / Math.max(1, capacity.writeItems))),
        indexWriteUnits: Object.fromEntries([...estimated.indexWriteUnits].map(([k, v]) => [k, perTicket(v)])),
        indexWriteUnitsTotal: perTicket(indexUnits),
      },
      streamRecords: perTicket(streamRecords),
      calls: Object.fromEntries([...capacity.calls].map(([k, v]) => [k, perTicket(v)])),
      storedBytes: { table: Math.round(tableBytes / tickets), indexes: Math.round(indexBytes / tickets) },
    };
    const details: Record<string, unknown> = { tickets, concurrency, events, seconds: round(seconds, 1), zipfTopShare: round(topShare, 3), streamRecords, tableWritesSent: [...tableWrites.values()].reduce((a, b) => a + b, 0), costModel };
    const report = (label: string, counts: Map<string, number>) => {
      const ranked = [...counts].map(([key, count]) => ({ key, count, ...rateOf(key, count) }));
      const shared = ranked.filter((r) => r.scope !== 'entity').sort((a, b) => b.perSecond - a.perSecond);
      const entity = ranked.filter((r) => r.scope === 'entity').sort((a, b) => b.count - a.count)[0];
      details[label] = { top: shared.slice(0, 8).map((r) => ({ key: r.key, scope: r.scope, writes: r.count, perTicket: round(r.perTicket, 3), peakPerSecond: round(r.perSecond, 0) })), busiestEntity: entity ? { key: entity.key, writes: entity.count } : undefined };
      const top = shared[0];
      if (!top) {
        rows.push({ suite: 'hot-keys', metric: `${label}: busiest shared key`, value: 0, unit: 'writes/s', note: entity ? `only per-entity keys (busiest ${entity.key}: ${entity.count} writes over its life)` : 'no writes' });
        return;
      }
      rows.push({
        suite: 'hot-keys',
        metric: `${label}: busiest key at peak`,
        value: round(top.perSecond, 0),
        unit: 'writes/s',
        goal: `≤ ${GOAL_WRITES_PER_SECOND}`,
        ok: top.perSecond <= GOAL_WRITES_PER_SECOND,
        note: `${top.key} (${top.scope}, ${round(top.perTicket, 2)} writes/ticket)`,
      });
    };
    report('table', tableWrites);
    for (const index of indexes) report(index.name, indexWriteCounts.get(index.name)!);
    const sent = details.tableWritesSent as number;
    return {
      rows,
      details,
      notes: [
        `${tickets} tickets (${Object.entries(events).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${round(seconds, 1)} s; ${sent} table writes sent and accepted, ${streamRecords} stream records (a write that changes nothing leaves no record).`,
        `Cost model per ticket: ${JSON.stringify(costModel)}`,
        `Peak: ${PEAK_SUBMISSIONS_PER_SECOND} submissions/s; a national key takes every province's share, a province's key ${round(topShare * 100, 1)}% (Zipf s=1 over ${PROVINCES}); per-ticket and per-person keys are bounded by one entity's life.`,
      ],
    };
  },
};

export default suite;
