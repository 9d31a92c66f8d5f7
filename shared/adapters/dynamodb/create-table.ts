/** CreateTable input built from the table definition, for the local runtime and the tests (CDK builds its own from the same definition). */
import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, ResourceNotFoundException, UpdateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keyAttributes, projectedAttributes, tableDefinition, type IndexName } from './table.js';

export function createTableInput(name: string) {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: keyAttributes.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: Object.entries(tableDefinition.indexes).map(([IndexName, index]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: projectionOf(IndexName as IndexName),
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
  };
}

function projectionOf(name: IndexName) {
  const attributes = projectedAttributes(name);
  return attributes ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...attributes] } : { ProjectionType: 'ALL' as const };
}

/**
 * Creates the table unless it exists; returns true when it created it. An existing table (a
 * local data directory from an earlier version) gains the indexes the definition added since,
 * one UpdateTable each as DynamoDB requires; an index it has but the definition dropped stays.
 */
export async function ensureTable(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    await addMissingIndexes(client, name, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!)));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(name)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return false;
    throw error;
  }
  await client.send(
    new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: tableDefinition.ttlAttribute } }),
  );
  return true;
}

async function addMissingIndexes(client: DynamoDBClient, name: string, present: ReadonlySet<string>): Promise<void> {
  const input = createTableInput(name);
  for (const index of input.GlobalSecondaryIndexes.filter((i) => !present.has(i.IndexName))) {
    const keys = new Set<string>(index.KeySchema.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: input.AttributeDefinitions.filter((a) => keys.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
      }),
    );
    await untilActive(client, name, index.IndexName);
  }
}

async function untilActive(client: DynamoDBClient, name: string, indexName: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
    if (Table?.TableStatus === 'ACTIVE' && index?.IndexStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Index ${indexName} of ${name} did not become active within a minute`);
}
