/**
 * A citizen submits feedback: validate against reference data, route, compute deadlines, and
 * write ticket + `created` event in one transaction. With an Idempotency-Key a retry returns
 * the ticket the first attempt created, whichever of several concurrent attempts won.
 */
import { createHash } from 'node:crypto';
import { IdempotencyMismatchError, ValidationError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { consentError } from '../domain/privacy-notice.js';
import { openTicket, type NewTicketInput, type Ticket } from '../domain/ticket.js';
import { formatRef, refDay, refPrefix } from '../domain/ticket-ref.js';
import { IdempotencyKeyTakenError, RefTakenError, type Dependencies } from './ports.js';
import { resolveAttachments } from './uploads.js';

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
  /** Open311 clients collect consent under their own agreement with the city, not through our notice. */
  opts: { consentCollectedByClient?: boolean } = {},
): Promise<SubmitResult> {
  const requestHash = idempotencyKey ? hashRequest(input) : '';
  const [notice, category, routing, calendar, attachments] = await Promise.all([
    opts.consentCollectedByClient ? undefined : deps.personalData.privacyNotice(),
    deps.reference.category(input.category),
    deps.router.route(input.category, input.location.wardCode),
    deps.reference.calendar(),
    resolveAttachments(deps, citizen, input.attachments, 'ticket', 'body.attachments').catch(async (error: unknown) => {
      // A retry names uploads its first attempt already attached: the claim, not the uploads, decides.
      const winner = idempotencyKey && error instanceof ValidationError ? await replay(deps, citizen, idempotencyKey, requestHash) : undefined;
      if (winner) return winner;
      throw error;
    }),
  ]);
  if ('replayed' in attachments) return attachments;
  const consent = consentError(notice, input.consentVersion);
  const errors = [
    ...(consent ? [consent] : []),
    ...(category?.active ? [] : [{ path: 'body.category', message: `unknown category "${input.category}"` }]),
    ...(routing ? [] : [{ path: 'body.location.wardCode', message: `unknown ward "${input.location.wardCode}"` }]),
  ];
  if (!category?.active || !routing) throw new ValidationError('The request names objects that do not exist.', errors);
  if (consent) throw new ValidationError('The privacy notice in force was not accepted.', errors);
  const now = deps.clock.now();
  const province = routing.provinceCode ? await deps.areas.get(routing.provinceCode) : undefined; // cached per instance
  const prefix = refPrefix({ code: routing.provinceCode ?? '00', ...(province ? { name: province.name } : {}) });
  const id = deps.ids.next();
  const eventId = deps.ids.next();

  for (let attempt = 1; ; attempt++) {
    // A number is spent even when the transaction below fails (a retried Idempotency-Key):
    // references may skip numbers, never repeat one.
    const ref = formatRef(prefix, refDay(now), await deps.tickets.nextRefSequence(prefix, refDay(now)));
    const { ticket, event } = openTicket({ id, ref, eventId, now, citizen, input, category, routing, calendar, photos: attachments.photos });
    try {
      await deps.tickets.create(
        ticket,
        event,
        idempotencyKey ? { key: idempotencyKey, requestHash, expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS } : undefined,
        attachments.attach,
      );
      return { ticket, replayed: false };
    } catch (error) {
      // Only when a counter was lost (a restored table) is a number already taken: take the next.
      if (error instanceof RefTakenError && attempt < REF_ATTEMPTS) continue;
      if (!(error instanceof IdempotencyKeyTakenError) || !idempotencyKey) throw error;
      // No read before the write: the claim's condition decides, and only a retry (or the
      // loser of a concurrent race) pays for the lookup of the ticket that won.
      const winner = await replay(deps, citizen, idempotencyKey, requestHash);
      if (!winner) throw error;
      return winner;
    }
  }
}

const REF_ATTEMPTS = 5;

async function replay(deps: Dependencies, citizen: Principal, key: string, requestHash: string): Promise<SubmitResult | undefined> {
  const record = await deps.tickets.idempotencyRecord(citizen.userId, key, deps.clock.now());
  if (!record) return undefined;
  if (record.requestHash !== requestHash) throw new IdempotencyMismatchError();
  const ticket = await deps.tickets.get(record.ticketId);
  if (!ticket) return undefined;
  // A claim is the caller's own by its key; this keeps a damaged or forged claim from ever
  // handing another citizen's ticket (name, phone) to the caller. To the caller it is a key in use.
  if (ticket.citizenId !== citizen.userId) throw new IdempotencyMismatchError();
  return { ticket, replayed: true };
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
