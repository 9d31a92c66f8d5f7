/**
 * Read units, counted at the SDK boundary: a middleware on the shared document client asks
 * every read for its consumed capacity and adds it up. The local server runs in the bench's
 * process, so the handlers' reads are counted too.
 */
export interface CapacityMeter {
  /**
   * Read capacity units consumed by `fn`'s reads (and anything else reading meanwhile: run it alone).
   * `readUnits` is what DynamoDB Local reports; `billedReadUnits` adds what DynamoDB charges and
   * DynamoDB Local does not: a read that finds nothing still costs the minimum for its kind
   * (0.5 eventually consistent, 1 strongly consistent).
   */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; readUnits: number; billedReadUnits: number; reads: number }>;
}

const READS = new Set(['QueryCommand', 'GetCommand', 'BatchGetCommand', 'ScanCommand', 'GetItemCommand']);

export async function capacityMeter(): Promise<CapacityMeter> {
  const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
  let units = 0;
  let billed = 0;
  let reads = 0;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (!READS.has(context.commandName ?? '')) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      const input = args.input as { ConsistentRead?: boolean; RequestItems?: unknown };
      let reported = 0;
      for (const c of [consumed ?? []].flat()) reported += c.CapacityUnits ?? 0;
      units += reported;
      reads++;
      // BatchGet's minimum is per item asked for, which the reply does not say: leave it as reported.
      billed += input.RequestItems ? reported : Math.max(reported, input.ConsistentRead ? 1 : 0.5);
      return out;
    },
    { step: 'initialize', name: 'benchCapacityMeter', override: true },
  );
  return {
    async measure(fn) {
      const before = { units, billed, reads };
      const result = await fn();
      return { result, readUnits: units - before.units, billedReadUnits: billed - before.billed, reads: reads - before.reads };
    },
  };
}
