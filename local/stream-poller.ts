/**
 * The local stand-in for Lambda's DynamoDB event source mappings: reads the table's stream
 * from DynamoDB Local, applies each consumer's filter, and calls the consumer's `handler` with
 * the same DynamoDBStreamEvent shape Lambda sends, in order, per shard. Like Lambda it honours
 * `batchItemFailures` (retry from the first failed record), retries a bounded number of times,
 * then sets the failing record aside (the on-failure destination) and goes on with the rest.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamConsumer } from '../shared/background.js';
import { lambdaContext, loadFunction } from './handlers.js';

type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | void>;

export interface DeadLetter {
  consumerId: string;
  records: DynamoDBRecord[];
  error: string;
}

export interface StreamPollerOptions {
  tableName: string;
  consumers: readonly StreamConsumer[];
  intervalMs?: number;
  /** Attempts per batch before its records go to `deadLetters` (Lambda: maximumRetryAttempts + 1). */
  maxAttempts?: number;
  /** Defaults to the consumer's `handler` export. */
  handlerFor?: (consumer: StreamConsumer) => Promise<StreamHandler>;
  /** Sees every batch delivered (tests record them to replay). */
  onBatch?: (consumer: StreamConsumer, event: DynamoDBStreamEvent, response: DynamoDBBatchResponse | void) => void;
}

export interface StreamPoller {
  /** Resolves once every consumer has been handed every record written before the call. */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  readonly deadLetters: DeadLetter[];
}

export async function startStreamPoller(opts: StreamPollerOptions): Promise<StreamPoller> {
  const dynamodb = new DynamoDBClient({});
  const streams = new DynamoDBStreamsClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: opts.tableName }));
  dynamodb.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${opts.tableName} has no stream`);
  const region = process.env.AWS_REGION ?? 'local';
  const deadLetters: DeadLetter[] = [];
  const consumers = await Promise.all(opts.consumers.map(async (consumer) => ({ consumer, deliver: deliverer(consumer, await (opts.handlerFor ?? defaultHandler)(consumer)) })));
  const reader = shardReader();

  let stopped = false;
  /** Start time of the earliest round in the current run of rounds that delivered nothing. */
  let idleSince: number | undefined;
  let drainCalledAt = 0;
  let round: Promise<void> = Promise.resolve();

  const loop = async () => {
    while (!stopped) {
      const startedAt = Date.now();
      round = reader.poll().then((delivered) => {
        if (delivered > 0) idleSince = undefined;
        // Only rounds that began after the last drain call may vouch for what it wrote.
        else if (startedAt >= drainCalledAt) idleSince ??= startedAt;
      });
      // Once stopping, DynamoDB Local may already be gone (Ctrl-C reaches it too): not worth a trace.
      await round.catch((error) => stopped || console.error('stream poller:', error));
      if (!stopped) await sleep(opts.intervalMs ?? 200);
    }
  };
  void loop();

  /** One consumer's side of a batch: its batch size, `batchItemFailures`, retries and set-asides, as its event source mapping would. */
  function deliverer(consumer: StreamConsumer, handler: StreamHandler) {
    return async function deliver(records: DynamoDBRecord[]) {
      for (let i = 0; i < records.length; i += consumer.batchSize) {
        let batch = records.slice(i, i + consumer.batchSize);
        for (let attempt = 1; batch.length > 0; attempt++) {
          const event: DynamoDBStreamEvent = { Records: batch };
          let failedFrom = -1;
          let error = '';
          try {
            const response = await handler(event, lambdaContext(consumer.fn, 60_000));
            opts.onBatch?.(consumer, event, response);
            const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
            failedFrom = batch.findIndex((r) => failed.has(r.dynamodb!.SequenceNumber!));
            error = 'reported as batch item failure';
          } catch (e) {
            failedFrom = 0;
            error = String(e);
          }
          if (failedFrom < 0) break;
          batch = batch.slice(failedFrom);
          if (attempt >= (opts.maxAttempts ?? 3)) {
            // As bisect-on-error ends up doing: only the record that keeps failing is set
            // aside; the ones behind it get their own attempts.
            deadLetters.push({ consumerId: consumer.id, records: batch.slice(0, 1), error });
            batch = batch.slice(1);
            attempt = 0;
            continue;
          }
          await sleep(50 * attempt);
        }
      }
    };
  }

  /**
   * Reads each shard once for every consumer (on AWS each mapping reads on its own; here that
   * would multiply DynamoDB Local's stream reads by the consumers) and hands each its records.
   */
  function shardReader() {
    const positions = new Map<string, { iterator?: string; after?: string; done: boolean }>();
    let shards: Shard[] = [];
    let shardsAt = 0;

    async function refreshShards() {
      const found: Shard[] = [];
      let start: string | undefined;
      do {
        const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
        found.push(...(out.StreamDescription?.Shards ?? []));
        start = out.StreamDescription?.LastEvaluatedShardId;
      } while (start);
      shards = found;
      shardsAt = Date.now();
    }

    return {
      /** One pass over every shard; returns how many records were handed to consumers. */
      async poll(): Promise<number> {
        if (shards.length === 0 || Date.now() - shardsAt > 5_000) await refreshShards();
        let delivered = 0;
        // Parents before children, so a key's changes arrive in order across a shard split.
        const finished = new Set([...positions].filter(([, p]) => p.done).map(([id]) => id));
        for (const shard of shards) {
          const id = shard.ShardId!;
          const parent = shard.ParentShardId;
          if (parent && shards.some((s) => s.ShardId === parent) && !finished.has(parent)) continue;
          let position = positions.get(id);
          if (!position) positions.set(id, (position = { done: false }));
          if (position.done) continue;
          if (!position.iterator) {
            const out = await streams.send(
              new GetShardIteratorCommand({
                StreamArn: streamArn,
                ShardId: id,
                ...(position.after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: position.after } : { ShardIteratorType: 'TRIM_HORIZON' }),
              }),
            );
            position.iterator = out.ShardIterator;
          }
          for (;;) {
            let out;
            try {
              out = await streams.send(new GetRecordsCommand({ ShardIterator: position.iterator, Limit: 1000 }));
            } catch (error) {
              // An iterator expires after 15 minutes, and one can point at records already
              // trimmed: get a fresh one next round (from the start if our position is gone;
              // consumers are idempotent, so a re-read costs time, not correctness).
              if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
                position.iterator = undefined;
                if (error instanceof TrimmedDataAccessException) position.after = undefined;
                break;
              }
              throw error;
            }
            const records = (out.Records ?? []).map((r) => toLambdaRecord(r, streamArn!, region));
            const handed = await Promise.all(
              consumers.map(async ({ consumer, deliver }) => {
                const wanted = records.filter((r) => r.eventName === 'INSERT' && r.dynamodb?.Keys?.sk?.S?.startsWith(consumer.insertsWithSkPrefix));
                if (wanted.length) await deliver(wanted);
                return wanted.length;
              }),
            );
            delivered += handed.reduce((a, b) => a + b, 0);
            if (records.length) position.after = records[records.length - 1]!.dynamodb!.SequenceNumber;
            position.iterator = out.NextShardIterator;
            if (!position.iterator) {
              position.done = true;
              shardsAt = 0;
              break;
            }
            if (records.length === 0) break;
          }
        }
        return delivered;
      },
    };
  }

  return {
    deadLetters,
    async drain(timeoutMs = 30_000) {
      const calledAt = (drainCalledAt = Date.now());
      idleSince = undefined;
      const deadline = calledAt + timeoutMs;
      // Caught up: rounds that began after the call have found nothing for a while, long
      // enough for DynamoDB Local to have exposed every record written before the call.
      while (idleSince === undefined || Date.now() - idleSince < DRAIN_QUIET_MS) {
        if (Date.now() > deadline) throw new Error('stream poller did not catch up in time');
        await sleep(20);
      }
    },
    async stop() {
      stopped = true;
      await round.catch(() => undefined);
      streams.destroy();
    },
  };
}

async function defaultHandler(consumer: StreamConsumer): Promise<StreamHandler> {
  return (await loadFunction(consumer.fn)).handler as StreamHandler;
}

type Attribute = Record<string, unknown>;

/**
 * The streams client hands an empty map back as `{}` instead of `{ M: {} }` (an empty list keeps
 * its `L`), which `unmarshall` rejects; Lambda's JSON keeps the `M`. Put it back, at any depth.
 */
function repairEmptyMaps(image: Record<string, Attribute> | undefined): Record<string, Attribute> | undefined {
  if (!image) return image;
  const fix = (value: Attribute): Attribute => {
    if (Object.keys(value).length === 0) return { M: {} };
    if (value.M) return { M: repairEmptyMaps(value.M as Record<string, Attribute>) };
    if (Array.isArray(value.L)) return { L: (value.L as Attribute[]).map(fix) };
    return value;
  };
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)]));
}

/** The SDK's stream record → the JSON Lambda delivers (times in epoch seconds). */
function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, NewImage, OldImage, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? region,
    eventSourceARN: streamArn,
    dynamodb: <DynamoDBRecord['dynamodb']>{
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(NewImage ? { NewImage: repairEmptyMaps(NewImage as unknown as Record<string, Attribute>) } : {}),
      ...(OldImage ? { OldImage: repairEmptyMaps(OldImage as unknown as Record<string, Attribute>) } : {}),
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}),
    },
  };
}

/** How long the stream must stay quiet before `drain` trusts it has seen everything. */
const DRAIN_QUIET_MS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
