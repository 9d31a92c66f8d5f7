/**
 * Gives tickets written before references existed their reference, once: a one-off migration
 * run by `npm start` and `npm run seed:aws`, never on a request path (it scans). Each ticket is
 * updated under its version and without a reference, with its REF item in the same
 * transaction, so a run beside live traffic or a second run changes nothing twice. The
 * version is not bumped: no state changed, and a client holding the ticket may still act on it.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { formatRef, refDay, refPrefix } from '../../domain/ticket-ref.js';
import { dynamoAreaStore } from './area-store.js';
import { tableName } from './table.js';
import { runTicketBackfill } from './ticket-backfill.js';
import { refKey, ticketKey } from './ticket-items.js';
import { dynamoTicketStore } from './ticket-store.js';
import { failedConditionIndex, transactWrite } from './transact.js';

const ATTEMPTS = 5;

export async function backfillTicketRefs(): Promise<{ assigned: number; skipped: number }> {
  const { written, skipped } = await runTicketBackfill({
    marker: 'TICKET_REFS',
    needs: { filter: 'attribute_not_exists(#ref)', names: { '#ref': 'ref' } },
    migrate: assign,
    rememberOnlyClean: true,
  });
  return { assigned: written, skipped };
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
