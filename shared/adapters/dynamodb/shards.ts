/**
 * Write sharding for keys every province writes (docs/scale.md): an item's shard is a hash of
 * something unique to it (a ticket id, an event id), so writes spread evenly over `n`
 * partitions and a reader fans out over all of them.
 */
import { createHash } from 'node:crypto';

export function shardOf(id: string, n: number): number {
  return createHash('sha1').update(id).digest().readUInt16BE(0) % n;
}

/** `<base>#<0..n-1>`, plus the base itself: items written before sharding still sit there until rewritten. */
export function shardedPartitions(base: string, n: number, withLegacy = true): string[] {
  return [...Array.from({ length: n }, (_, shard) => `${base}#${shard}`), ...(withLegacy ? [base] : [])];
}
