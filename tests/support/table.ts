import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { seedReferenceData } from '../../shared/adapters/dynamodb/seed-reference.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { loadAreas } from '../../local/hanhchinhvn.js';

/** Hanoi, loaded once per test file. */
export const hanoi = loadAreas(['01']);

/** Creates this file's table (and seeds reference data unless told not to). Call in beforeAll. */
export async function createTestTable(opts: { seed?: boolean } = {}): Promise<void> {
  const client = new DynamoDBClient({});
  await ensureTable(client, tableName());
  client.destroy();
  if (opts.seed !== false) await seedReferenceData({ areas: hanoi, provinceCode: '01' });
}

export async function dropTestTable(): Promise<void> {
  const client = new DynamoDBClient({});
  await client.send(new DeleteTableCommand({ TableName: tableName() })).catch(() => undefined);
  client.destroy();
}
