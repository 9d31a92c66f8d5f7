/**
 * Opaque pagination cursors: the last returned item's key, base64url JSON. A cursor is bound
 * to the partition it was issued for, so a cursor from another list (or another user) is a
 * 400 instead of a DynamoDB error or a peek at someone else's data.
 */
import { ValidationError } from '../../domain/errors.js';

type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * The key a cursor stands for, if it is one this list issued: exactly `keyNames`, each a
 * non-empty string, with the partition values in `expected`. Anything else is a 400, never a
 * malformed ExclusiveStartKey for DynamoDB to reject as a 500.
 */
export function decodeCursor(cursor: string, expected: Key, keyNames: readonly string[]): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const names = new Set(keyNames);
  const ok =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.keys(key).length === names.size &&
    Object.entries(key).every(([name, v]) => names.has(name) && typeof v === 'string' && v.length > 0) &&
    Object.entries(expected).every(([name, value]) => (key as Key)[name] === value);
  if (!ok) throw new ValidationError('The cursor is not valid for this list.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  return key as Key;
}
