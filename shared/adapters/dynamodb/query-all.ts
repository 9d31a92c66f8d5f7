/**
 * Every item one Query returns, over all its pages (or the first `limit`), for partitions that
 * are small by design: a person's items, a period's counters, the migration's flags.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.js';
import { tableName } from './table.js';

export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>, limit?: number): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start, ...(limit ? { Limit: limit - items.length } : {}) }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && (!limit || items.length < limit));
  return items;
}
