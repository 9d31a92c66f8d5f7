/**
 * Change detection for cached reference data. Every admin write bumps a counter in one small
 * item, in the same transaction as the change; each Lambda instance reads that item at most
 * once per `CHECK_MS` and reloads a cache only when its counter moved. So edits show within
 * about a second, and a warm intake path pays ~0 reads for rules, categories and areas.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './client.js';
import { tableName } from './table.js';

export const CHECK_MS = 1_000;
export const VERSION_KEY = { pk: 'META', sk: 'REFERENCE_VERSION' } as const;
export type ReferenceKind = 'rules' | 'categories' | 'departments' | 'calendar' | 'privacyNotice';

let checkedAt = -Infinity;
let versions: Promise<Partial<Record<ReferenceKind, number>>> | undefined;

function currentVersions() {
  if (!versions || Date.now() - checkedAt >= CHECK_MS) {
    checkedAt = Date.now();
    versions = documentClient
      .send(new GetCommand({ TableName: tableName(), Key: VERSION_KEY }))
      .then((out) => (out.Item ?? {}) as Partial<Record<ReferenceKind, number>>)
      .catch((error) => {
        versions = undefined;
        throw error;
      });
  }
  return versions;
}

/** The transaction item that records a change of these kinds (one item: a transaction may touch it once). */
export function bumpVersion(...kinds: ReferenceKind[]) {
  return {
    Update: {
      TableName: tableName(),
      Key: VERSION_KEY,
      UpdateExpression: `ADD ${kinds.map((_, i) => `#k${i} :one`).join(', ')} SET entity = :entity`,
      ExpressionAttributeNames: Object.fromEntries(kinds.map((kind, i) => [`#k${i}`, kind])),
      ExpressionAttributeValues: { ':one': 1, ':entity': 'meta' },
    },
  };
}

/**
 * A value loaded once per version of `kind` (and again when `stale` says so, e.g. a new year).
 * `clear()` forgets it, for a process that switches tables.
 */
export function versionedCache<T>(kind: ReferenceKind, load: () => Promise<T>, stale: (value: T) => boolean = () => false) {
  let loadedVersion: number | undefined;
  let value: Promise<T> | undefined;
  const get = async (): Promise<T> => {
    const version = (await currentVersions())[kind] ?? 0;
    if (!value || version !== loadedVersion || stale(await value)) {
      loadedVersion = version;
      value = load().catch((error) => {
        value = undefined;
        throw error;
      });
    }
    return value;
  };
  return Object.assign(get, { clear: () => void (value = undefined) });
}

/**
 * Forget the last version check, so this process's next read sees a change at once: called
 * after every reference write here, and by the bench when it switches tables.
 */
export function forgetReferenceVersions(): void {
  versions = undefined;
}
