/**
 * Gives open tickets indexed for nearby before entries existed their `nearby` entry (the only
 * thing gsi6v2 projects besides keys and followers), once: a one-off migration run by
 * `npm start` and `npm run seed:aws` after the reference backfill (an entry carries the
 * reference), never on a request path (it scans). Each write is conditioned on the version read
 * and on there being no entry yet: a ticket written meanwhile already has a fresh one from
 * ticketToItem, so a run beside live traffic or a second run changes nothing twice. The version
 * is not bumped: the ticket did not change, only its index copy.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { nearbyEntry } from '../../domain/nearby.js';
import { documentClient } from './client.js';
import { tableName } from './table.js';
import { runTicketBackfill } from './ticket-backfill.js';
import { ticketFromItem, ticketKey } from './ticket-items.js';

export function backfillNearbyEntries(): Promise<{ written: number; skipped: number }> {
  return runTicketBackfill({ marker: 'NEARBY_ENTRIES', needs: { filter: 'attribute_exists(gsi6pk) AND attribute_not_exists(nearby)' }, migrate: write });
}

async function write(item: Record<string, unknown>): Promise<boolean> {
  const ticket = ticketFromItem(item);
  const entry = nearbyEntry(ticket);
  if (!entry) return false;
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: ticketKey(ticket.id),
        UpdateExpression: 'SET nearby = :entry',
        ConditionExpression: '#version = :version AND attribute_not_exists(nearby)',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':entry': entry, ':version': ticket.version },
      }),
    );
    return true;
  } catch (error) {
    // Written meanwhile: that write carried a fresh entry.
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
