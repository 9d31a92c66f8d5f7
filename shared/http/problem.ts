/** RFC 9457 problem details: the only shape an error leaves the API in. */
import type { FieldError } from '../domain/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemKinds = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  not_found: { status: 404, title: 'Not found' },
  version_conflict: { status: 409, title: 'The object has changed since you read it' },
  conflict: { status: 409, title: 'The change conflicts with existing data' },
  timeout: { status: 408, title: 'The request took too long to arrive' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The body must be application/json' },
  invalid_state: { status: 422, title: 'Not allowed in the current state' },
  idempotency_mismatch: { status: 422, title: 'Idempotency-Key reused with a different body' },
  too_many_requests: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'The request headers are too large' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemKind = keyof typeof problemKinds;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problem(kind: ProblemKind, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const { status, title } = problemKinds[kind];
  return { type: `urn:civic-feedback:problem:${kind.replaceAll('_', '-')}`, title, status, detail, ...extensions };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}) {
  return {
    statusCode: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
    body: JSON.stringify(p),
  };
}
