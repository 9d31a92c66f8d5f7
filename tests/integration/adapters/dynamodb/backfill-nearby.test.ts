/**
 * A data directory from before `gsi6v2`: its table has the old `gsi6` and tickets without a
 * nearby entry. Starting the runtime (ensureTable, then the backfill) must make them findable
 * again, once, without touching their versions or racing a live write.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillNearbyEntries } from '../../../../shared/adapters/dynamodb/backfill-nearby.js';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { createTableInput, ensureTable } from '../../../../shared/adapters/dynamodb/create-table.js';
import { dynamoGeoQueries } from '../../../../shared/adapters/dynamodb/geo-queries.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { ticketToItem } from '../../../../shared/adapters/dynamodb/ticket-items.js';
import { dynamoTicketStore } from '../../../../shared/adapters/dynamodb/ticket-store.js';
import { cellOf } from '../../../../shared/domain/geo.js';
import { nearbyEntry } from '../../../../shared/domain/nearby.js';
import { openTicket, type Ticket } from '../../../../shared/domain/ticket.js';
import { applyAction } from '../../../../shared/domain/workflow.js';
import { categories, ulid } from '../../../support/tickets.js';

const client = new DynamoDBClient({});
const home = process.env.TABLE_NAME!;
const legacy = `${home}-legacy`;
const here = { lat: 21.0465, lng: 105.8468 };

function ticket(n: number, visibility: 'public' | 'private'): Ticket {
  const { ticket } = openTicket({
    id: ulid(),
    ref: `HN-261204-${String(n).padStart(4, '0')}`,
    eventId: ulid(),
    now: new Date(),
    citizen: { userId: 'legacy-owner', role: 'citizen' },
    input: { category: categories.plain.code, description: 'Đèn đường hỏng trước số 12, tối qua cả phố tối om.', location: { wardCode: '00001' }, visibility },
    category: categories.plain,
    routing: { departmentId: 'd', ruleId: null },
    calendar: { holidays: new Set() },
  });
  return { ...ticket, title: 'Đèn hỏng', location: { ...ticket.location, lat: here.lat, lng: here.lng + n * 0.0001 } };
}

/** As written before entries existed: the same keys, no `nearby`. */
async function putLegacy(t: Ticket) {
  const { nearby: _entry, ...item } = ticketToItem(t);
  await documentClient.send(new PutCommand({ TableName: tableName(), Item: item }));
}

beforeAll(async () => {
  // The old shape: every index but gsi6v2, and gsi6 with its old projection.
  const input = createTableInput(legacy);
  const gsi6v2 = input.GlobalSecondaryIndexes.find((i) => i.IndexName === 'gsi6v2')!;
  await client.send(
    new CreateTableCommand({
      ...input,
      GlobalSecondaryIndexes: [
        ...input.GlobalSecondaryIndexes.filter((i) => i !== gsi6v2),
        { ...gsi6v2, IndexName: 'gsi6', Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'description', 'location'] } },
      ],
    }),
  );
  process.env.TABLE_NAME = legacy;
});

afterAll(() => {
  process.env.TABLE_NAME = home;
  client.destroy();
});

const found = async () => (await dynamoGeoQueries.openInCells([cellOf(here)], { perCell: 50 })).items;

describe('an old table and its tickets', () => {
  // Adding an index to a table is DynamoDB Local's slowest operation: seconds alone, far more beside the other files.
  it('gains the new index, and its open tickets their entries, once, versions kept', async () => {
    const pub = ticket(1, 'public');
    const priv = ticket(2, 'private');
    const racing = ticket(3, 'public');
    for (const t of [pub, priv, racing]) await putLegacy(t);

    expect(await ensureTable(client, legacy)).toBe(false);
    expect(await found()).toEqual([]); // indexed, but nothing to show yet
    // A live write before the backfill reaches it carries its own entry: the backfill leaves it.
    const { ticket: acked, event } = applyAction(racing, { action: 'acknowledge' }, { actor: { id: 'staff', role: 'staff' }, now: new Date(), eventId: ulid(), category: categories.plain, calendar: { holidays: new Set() } });
    await dynamoTicketStore.update(acked, event, racing.version);

    expect(await backfillNearbyEntries()).toEqual({ written: 2, skipped: 0 });
    const items = await found();
    expect(items.map((i) => i.id).sort()).toEqual([pub.id, priv.id, racing.id].sort());
    expect(items.find((i) => i.id === pub.id)).toEqual({ ...nearbyEntry(pub), followers: 0 });
    expect(items.find((i) => i.id === priv.id)).not.toHaveProperty('summary');
    expect(items.find((i) => i.id === racing.id)).toMatchObject({ status: 'in_progress' });
    const stored = (await documentClient.send(new GetCommand({ TableName: legacy, Key: { pk: `TICKET#${pub.id}`, sk: 'TICKET' } }))).Item!;
    expect(stored.version).toBe(pub.version);

    // A second start reads one marker and writes nothing; a second ensureTable adds nothing.
    expect(await backfillNearbyEntries()).toEqual({ written: 0, skipped: 0 });
    expect(await ensureTable(client, legacy)).toBe(false);
  }, 60_000);
});
