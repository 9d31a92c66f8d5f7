/**
 * The single table: its keys, indexes, stream and TTL. This module is the one source of truth
 * read by the CDK stack, the local runtime and the tests, so it holds plain data only.
 * Key shapes and access patterns are documented in docs/data-model.md.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /**
   * Overloaded GSIs. An index projects all attributes unless it names the few it `projects`
   * (plus the keys): a read then costs what those attributes weigh, not the whole item.
   */
  indexes: {
    /** A citizen's tickets newest first; reference lists (areas by parent). */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** A department's queue, soonest due first. */
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Sparse: open tickets by their next deadline, read by the SLA sweep. */
    gsi3: { partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Tickets by the local day they were received (reconciliation of counters). */
    gsi4: { partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /** Sparse: processed tickets their owners left public (transparency feed). */
    gsi5: { partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
    /**
     * Sparse: unprocessed tickets with a location, by geohash cell (precision 6) and time. Nearby
     * reads several cells per search, so the index holds only each ticket's small `nearby` entry
     * (domain/nearby.ts: coordinates, and title, summary and photo ids of public tickets only)
     * and its follower count (a follow moves it without rewriting the ticket). `v2`: it replaced
     * `gsi6`, which projected whole descriptions and addresses; a projection cannot change in
     * place, so a changed one takes a new name (docs/data-model.md).
     */
    gsi6v2: {
      partitionKey: 'gsi6pk',
      sortKey: 'gsi6sk',
      projects: ['nearby', 'followers'],
    },
    /** A department's queue, most followed first, then soonest due (`sort=followers`). */
    gsi7: { partitionKey: 'gsi7pk', sortKey: 'gsi7sk' },
  },
  stream: 'NEW_AND_OLD_IMAGES',
  ttlAttribute: 'expiresAt',
} as const;

export type IndexName = keyof typeof tableDefinition.indexes;

/** The non-key attributes an index projects, or undefined when it projects all of them. */
export function projectedAttributes(name: IndexName): readonly string[] | undefined {
  const index = tableDefinition.indexes[name];
  return 'projects' in index ? index.projects : undefined;
}

/** Every key attribute is a string. */
export const keyAttributes: string[] = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...Object.values(tableDefinition.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
];

/** Written for an index only: the ticket's `nearby` entry is a projection of the ticket, never part of it. */
const itemOnly = new Set([...keyAttributes, 'entity', 'expiresAt', 'nearby']);

/** An item without what only the table needs (keys, index keys, entity tag, TTL, index-only copies). */
export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !itemOnly.has(k))) as T;
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}
