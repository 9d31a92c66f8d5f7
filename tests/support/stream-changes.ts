/**
 * What a request changed in this file's table, read from the table's own stream (every put,
 * update and delete that really changed an item leaves a record there): cheaper and more
 * exact than comparing scans, and blind to nothing a handler could write.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import { tableName } from '../../shared/adapters/dynamodb/table.js';

export interface StreamChanges {
  /** The item changes since the previous call (or since the watch began), as `EVENT pk sk`. */
  take(): Promise<string[]>;
  stop(): void;
}

export async function watchChanges(): Promise<StreamChanges> {
  const dynamodb = new DynamoDBClient({});
  const arn = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName() }))).Table?.LatestStreamArn;
  dynamodb.destroy();
  if (!arn) throw new Error(`table ${tableName()} has no stream`);
  const streams = new DynamoDBStreamsClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
  /** Shard id → where to read next; null once a closed shard is read to its end. */
  const positions = new Map<string, string | null>();

  const discover = async (type: ShardIteratorType) => {
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (positions.has(shard.ShardId!)) continue;
        const it = await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: type }));
        positions.set(shard.ShardId!, it.ShardIterator ?? null);
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
  };
  await discover('LATEST');

  const take = async (): Promise<string[]> => {
    const changes: string[] = [];
    let closed = false;
    for (const [shard, position] of positions) {
      let iterator = position;
      while (iterator) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        for (const r of out.Records ?? []) changes.push(`${r.eventName} ${r.dynamodb?.Keys?.pk?.S} ${r.dynamodb?.Keys?.sk?.S}`);
        iterator = out.NextShardIterator ?? null;
        positions.set(shard, iterator);
        closed ||= iterator === null;
        if (!out.Records?.length) break;
      }
    }
    // A shard closes when its successor opens, which holds only what came after: read it whole.
    if (closed) {
      await discover('TRIM_HORIZON');
      changes.push(...(await take()));
    }
    return changes;
  };

  return { take, stop: () => streams.destroy() };
}
