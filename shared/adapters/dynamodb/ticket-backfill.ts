/**
 * The loop every one-off ticket migration shares: scan the table's ticket items that still need
 * it, hand each to `migrate` (which writes under the version it read, so a ticket written
 * meanwhile is left alone), and remember the run with a `SEED` marker so it never scans twice.
 * Run by `npm start` and `npm run seed:aws`, never on a request path.
 */
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.js';
import { putIfAbsent } from './seed-reference.js';
import { tableName } from './table.js';

export interface TicketBackfill {
  /** The marker's sort key under `pk = SEED`. */
  marker: string;
  /** What a ticket item that still needs the migration looks like (ANDed with "is a ticket"). */
  needs: { filter: string; names?: Record<string, string> };
  /** true: written; false: left alone (changed meanwhile, or nothing to write). */
  migrate(item: Record<string, unknown>): Promise<boolean>;
  /** Remember the run only when nothing was left alone, so a ticket that changed under us is picked up next time. */
  rememberOnlyClean?: boolean;
}

export async function runTicketBackfill(backfill: TicketBackfill): Promise<{ written: number; skipped: number }> {
  const marker = { pk: 'SEED', sk: backfill.marker };
  if ((await documentClient.send(new GetCommand({ TableName: tableName(), Key: marker }))).Item) return { written: 0, skipped: 0 };
  let written = 0;
  let skipped = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `entity = :ticket AND sk = :sk AND (${backfill.needs.filter})`,
        ...(backfill.needs.names ? { ExpressionAttributeNames: backfill.needs.names } : {}),
        ExpressionAttributeValues: { ':ticket': 'ticket', ':sk': 'TICKET' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) (await backfill.migrate(item)) ? written++ : skipped++;
    start = page.LastEvaluatedKey;
  } while (start);
  if (!backfill.rememberOnlyClean || skipped === 0) await putIfAbsent({ ...marker, entity: 'seed', at: new Date().toISOString() });
  return { written, skipped };
}
