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

export function decodeCursor(cursor: string, expected: Key): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const ok =
    typeof key === 'object' &&
    key !== null &&
    Object.values(key).every((v) => typeof v === 'string') &&
    Object.entries(expected).every(([name, value]) => (key as Key)[name] === value);
  if (!ok) throw new ValidationError('The cursor is not valid for this list.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  return key as Key;
}
