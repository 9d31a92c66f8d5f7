/**
 * Transactions, the one way this adapter writes more than one item: a ticket and its event,
 * a counter and its marker, a rule and its index entry. Shared by every store.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.js';

const MAX_CONFLICT_RETRIES = 4;

/** Runs a transaction, retrying the transient `TransactionConflict` that AWS (not DynamoDB Local) raises under contention. */
export async function transactWrite(input: TransactWriteCommandInput): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await documentClient.send(new TransactWriteCommand(input));
      return;
    } catch (error) {
      const conflict =
        error instanceof TransactionCanceledException &&
        (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
        !(error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
      if (!conflict || attempt >= MAX_CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
    }
  }
}

/** Index of the failed condition in a cancelled transaction, if that is why it was cancelled. */
export function failedConditionIndex(error: unknown): number {
  if (!(error instanceof TransactionCanceledException)) return -1;
  return (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
}

/** Indexes of every failed condition in a cancelled transaction. */
export function failedConditions(error: unknown): Set<number> {
  if (!(error instanceof TransactionCanceledException)) return new Set();
  return new Set((error.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : [])));
}
