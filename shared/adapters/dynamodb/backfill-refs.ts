/**
 * Gives tickets written before references existed their reference, once: a one-off migration
 * run by `npm start` and `npm run seed:aws`, never on a request path (it scans). Each ticket is
 * updated under its version and without a reference, with its REF item in the same
 * transaction, so a run beside live traffic or a second run changes nothing twice. The
 * version is not bumped: no state changed, and a client holding the ticket may still act on it.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { formatRef, refDay, refPrefix } from '../../domain/ticket-ref.js';
import { dynamoAreaStore } from './area-store.js';
import { documentClient } from './client.js';
import { putIfAbsent } from './seed-reference.js';
import { tableName } from './table.js';
import { refKey, ticketKey } from './ticket-items.js';
import { dynamoTicketStore } from './ticket-store.js';
import { failedConditionIndex, transactWrite } from './transact.js';

const MARKER = { pk: 'SEED', sk: 'TICKET_REFS' };
const ATTEMPTS = 5;

export async function backfillTicketRefs(): Promise<{ assigned: number; skipped: number }> {
  if (await marked()) return { assigned: 0, skipped: 0 };
  let assigned = 0;
  let skipped = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'entity = :ticket AND sk = :sk AND attribute_not_exists(#ref)',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ExpressionAttributeValues: { ':ticket': 'ticket', ':sk': 'TICKET' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) (await assign(item)) ? assigned++ : skipped++;
    start = page.LastEvaluatedKey;
  } while (start);
  // Only a clean pass is remembered: a ticket that changed under us is picked up next time.
  if (skipped === 0) await putIfAbsent({ ...MARKER, entity: 'seed', at: new Date().toISOString() });
  return { assigned, skipped };
}

async function marked(): Promise<boolean> {
  return Boolean((await documentClient.send(new GetCommand({ TableName: tableName(), Key: MARKER }))).Item);
}

async function assign(item: Record<string, unknown>): Promise<boolean> {
  const id = item.id as string;
  const location = (item.location ?? {}) as { provinceCode?: string };
  const province = location.provinceCode ? await dynamoAreaStore.get(location.provinceCode) : undefined;
  const prefix = refPrefix({ code: location.provinceCode ?? '00', ...(province ? { name: province.name } : {}) });
  const day = refDay(new Date(item.createdAt as string));
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const ref = formatRef(prefix, day, await dynamoTicketStore.nextRefSequence(prefix, day));
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: ticketKey(id),
              UpdateExpression: 'SET #ref = :ref',
              ConditionExpression: '#version = :version AND attribute_not_exists(#ref)',
              ExpressionAttributeNames: { '#ref': 'ref', '#version': 'version' },
              ExpressionAttributeValues: { ':ref': ref, ':version': item.version },
            },
          },
          { Put: { TableName: tableName(), Item: { ...refKey(ref), entity: 'ref', ticketId: id }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      });
      return true;
    } catch (error) {
      const failed = failedConditionIndex(error);
      if (failed === 1) continue; // that number is someone's already: take the next
      if (failed === 0 && error instanceof TransactionCanceledException) return false; // changed meanwhile
      throw error;
    }
  }
  return false;
}
