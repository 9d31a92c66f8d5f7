/**
 * Failures the domain and use cases can name. The HTTP layer maps each kind to a status and
 * an RFC 9457 problem; nothing here knows about HTTP.
 */
export type FieldError = { path: string; message: string };

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'unauthenticated'
    | 'forbidden'
    | 'not_found'
    | 'version_conflict'
    | 'conflict'
    | 'invalid_state'
    | 'idempotency_mismatch';
}

export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Also used when the caller may not see the object: never reveal that it exists. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
}

export class VersionConflictError extends DomainError {
  readonly kind = 'version_conflict';
  constructor(readonly currentVersion: number) {
    super(`The ticket has changed: its current version is ${currentVersion}.`);
  }
}

/** The write collides with another object or a concurrent change (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The action is not allowed in the object's current state (422). */
export class InvalidStateError extends DomainError {
  readonly kind = 'invalid_state';
  constructor(
    message: string,
    readonly rule?: string,
  ) {
    super(message);
  }
}

export class IdempotencyMismatchError extends DomainError {
  readonly kind = 'idempotency_mismatch';
  constructor() {
    super('This Idempotency-Key was already used with a different request body.');
  }
}
