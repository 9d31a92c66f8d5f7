/**
 * Read units, counted at the SDK boundary: a middleware on the shared document client asks
 * every read for its consumed capacity and adds it up. The local server runs in the bench's
 * process, so the handlers' reads are counted too.
 */
export interface CapacityMeter {
  /** Read capacity units consumed by `fn`'s reads (and anything else reading meanwhile: run it alone). */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; readUnits: number }>;
}

const READS = new Set(['QueryCommand', 'GetCommand', 'BatchGetCommand', 'ScanCommand', 'GetItemCommand']);

export async function capacityMeter(): Promise<CapacityMeter> {
  const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
  let units = 0;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (!READS.has(context.commandName ?? '')) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      for (const c of [consumed ?? []].flat()) units += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'benchCapacityMeter', override: true },
  );
  return {
    async measure(fn) {
      const before = units;
      const result = await fn();
      return { result, readUnits: units - before };
    },
  };
}
