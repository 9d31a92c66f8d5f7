/**
 * A citizen submits feedback: validate against reference data, route, compute deadlines, and
 * write ticket + `created` event in one transaction. With an Idempotency-Key a retry returns
 * the ticket the first attempt created, whichever of several concurrent attempts won.
 */
import { createHash } from 'node:crypto';
import { IdempotencyMismatchError, ValidationError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { openTicket, type NewTicketInput, type Ticket } from '../domain/ticket.js';
import { checkConsent } from './personal-data.js';
import { IdempotencyKeyTakenError, type Dependencies } from './ports.js';

/** Keys live at least 24 h (API.md); two days leaves room for clock skew and slow retries. */
const IDEMPOTENCY_TTL_SECONDS = 48 * 3600;

export interface SubmitResult {
  ticket: Ticket;
  /** true when an earlier request with the same Idempotency-Key created it */
  replayed: boolean;
}

export async function submitTicket(
  deps: Dependencies,
  citizen: Principal,
  input: NewTicketInput,
  idempotencyKey?: string,
  /** Open311 clients collect consent under their own terms (their agreement with the city). */
  opts: { consentCollectedByClient?: boolean } = {},
): Promise<SubmitResult> {
  const requestHash = idempotencyKey ? hashRequest(input) : '';
  const [, category, routing, calendar] = await Promise.all([
    opts.consentCollectedByClient ? undefined : checkConsent(deps, input.consentVersion),
    deps.reference.category(input.category),
    deps.router.route(input.category, input.location.wardCode),
    deps.reference.calendar(),
  ]);
  const errors = [
    ...(category?.active ? [] : [{ path: 'body.category', message: `unknown category "${input.category}"` }]),
    ...(routing ? [] : [{ path: 'body.location.wardCode', message: `unknown ward "${input.location.wardCode}"` }]),
  ];
  if (!category?.active || !routing) throw new ValidationError('The request names objects that do not exist.', errors);
  const now = deps.clock.now();
  const { ticket, event } = openTicket({
    id: deps.ids.next(),
    eventId: deps.ids.next(),
    now,
    citizen,
    input,
    category,
    routing,
    calendar,
  });

  try {
    await deps.tickets.create(
      ticket,
      event,
      idempotencyKey ? { key: idempotencyKey, requestHash, expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS } : undefined,
    );
    return { ticket, replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTakenError) || !idempotencyKey) throw error;
    // No read before the write: the claim's condition decides, and only a retry (or the
    // loser of a concurrent race) pays for the lookup of the ticket that won.
    const winner = await replay(deps, citizen, idempotencyKey, requestHash);
    if (!winner) throw error;
    return winner;
  }
}

async function replay(deps: Dependencies, citizen: Principal, key: string, requestHash: string): Promise<SubmitResult | undefined> {
  const record = await deps.tickets.idempotencyRecord(citizen.userId, key, deps.clock.now());
  if (!record) return undefined;
  if (record.requestHash !== requestHash) throw new IdempotencyMismatchError();
  const ticket = await deps.tickets.get(record.ticketId);
  return ticket ? { ticket, replayed: true } : undefined;
}

/** Same body, same hash, whatever the key order the client serialised it in. */
function hashRequest(input: NewTicketInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
