/**
 * Opaque pagination cursors: the last returned item's key, base64url JSON. A cursor is bound
 * to the query it was issued for, so a cursor from another list (or another user), or one
 * edited by hand, is a 400 instead of a DynamoDB error (a 500) or a peek at someone else's data.
 */
import { ValidationError } from '../../domain/errors.js';

type Key = Record<string, string>;

/**
 * What one key attribute of a cursor may hold: exactly a value (a partition), a value under a
 * prefix (a `begins_with` sort condition, or the shape of the items an index lists), a value
 * below a bound (a `<` sort condition), or any non-empty string.
 */
export type KeyRule = { equals: string } | { prefix: string } | { below: string } | 'any';

/** Every key attribute a cursor of one query carries, each with what it may hold. */
export type CursorShape = Record<string, KeyRule>;

/** DynamoDB's own limit on a sort key value (a partition key may hold 2048, but none of ours is free-form). */
const MAX_KEY_BYTES = 1024;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function fits(value: unknown, rule: KeyRule): boolean {
  if (typeof value !== 'string' || value.length === 0 || Buffer.byteLength(value) > MAX_KEY_BYTES) return false;
  if (rule === 'any') return true;
  if ('equals' in rule) return value === rule.equals;
  if ('prefix' in rule) return value.startsWith(rule.prefix);
  return value < rule.below;
}

/**
 * The key a cursor stands for, if it is one its own query could have returned: exactly the
 * attributes of `shape`, each fitting its rule. Anything else is a 400, never an
 * ExclusiveStartKey for DynamoDB to reject ("does not match the range key predicate") as a 500.
 */
export function decodeCursor(cursor: string, shape: CursorShape): Key {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const names = Object.keys(shape);
  const ok =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.keys(key).length === names.length &&
    names.every((name) => Object.hasOwn(key as object, name) && fits((key as Record<string, unknown>)[name], shape[name]!));
  if (!ok) throw new ValidationError('The cursor is not valid for this list.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  return key as Key;
}
