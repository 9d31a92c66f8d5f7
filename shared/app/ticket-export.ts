/**
 * Managers' per-ticket export: one row per ticket received in the period and scope, with no
 * names, phones or addresses. It pages through the tickets one received-day partition at a
 * time, so its memory and time follow the part asked for, not the year: a response carries at
 * most `maxRows` rows and, when more remain, a cursor for the next part (see docs/api.md).
 */
import { ValidationError } from '../domain/errors.js';
import { addDays, isDate } from '../domain/periods.js';
import type { Principal } from '../domain/principal.js';
import { parseScope } from '../domain/scope.js';
import { processedStatuses, type Ticket } from '../domain/ticket.js';
import { toLocalIso } from '../domain/working-hours.js';
import { authorizeScope, resolveRange } from './metrics.js';
import type { Dependencies, ScopeWhere } from './ports.js';

export const exportColumns = ['id', 'ref', 'receivedAt', 'category', 'wardCode', 'departmentId', 'status', 'dueAt', 'processedAt', 'onTime', 'rating'] as const;
export type ExportRow = Record<(typeof exportColumns)[number], string | boolean | undefined>;

type Deps = Pick<Dependencies, 'ticketQueries' | 'metrics' | 'areas' | 'departments' | 'reference' | 'clock'>;

/** A person reads the CSV in a spreadsheet: times in +07:00. */
const localTime = (iso: string | undefined) => (iso ? toLocalIso(iso) : undefined);

/** When the unit answered or rejected it, as the ticket stands (a reopened ticket is not processed). */
function processedAt(t: Ticket): string | undefined {
  if (!processedStatuses.has(t.status)) return undefined;
  return t.rejection?.at ?? t.respondedAt ?? t.closedAt;
}

export function exportRow(t: Ticket): ExportRow {
  const processed = processedAt(t);
  return {
    id: t.id,
    ref: t.ref,
    receivedAt: localTime(t.createdAt),
    category: t.category,
    wardCode: t.location.wardCode,
    departmentId: t.departmentId,
    status: t.status,
    dueAt: localTime(t.dueAt),
    processedAt: localTime(processed),
    onTime: processed ? processed <= t.dueAt : undefined,
    rating: t.rating?.value,
  };
}

function whereOf(scope: string): ScopeWhere | undefined {
  const named = parseScope(scope);
  switch (named?.kind) {
    case 'district':
      return { field: 'districtCode', value: named.code };
    case 'ward':
      return { field: 'wardCode', value: named.code };
    case 'department':
      return { field: 'departmentId', value: named.id };
    default:
      return undefined; // city: every ticket (authorizeScope refused any other)
  }
}

interface Position {
  d: string;
  k?: string;
}

const encode = (p: Position) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decode(cursor: string, from: string, to: string): Position {
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    p = undefined;
  }
  const ok = typeof p === 'object' && p !== null && typeof (p as Position).d === 'string' && isDate((p as Position).d) && (p as Position).d >= from && (p as Position).d <= to && ((p as Position).k === undefined || typeof (p as Position).k === 'string');
  if (!ok) throw new ValidationError('The cursor is not valid for this export.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  return p as Position;
}

export interface ExportPart {
  scope: string;
  from: string;
  to: string;
  rows: ExportRow[];
  /** The first part starts the file (with the header row); later ones continue it. */
  first: boolean;
  nextCursor: string | null;
}

export async function exportTickets(
  deps: Deps,
  who: Principal,
  query: { scope: string; from?: string; to?: string; cursor?: string },
  maxRows: number,
): Promise<ExportPart> {
  const { from, to } = resolveRange(deps, query.from, query.to);
  await authorizeScope(deps, who, query.scope);
  const where = whereOf(query.scope);
  let at = query.cursor ? decode(query.cursor, from, to) : { d: from };
  const rows: ExportRow[] = [];
  for (;;) {
    const page = await deps.ticketQueries.receivedPage(at.d, { limit: Math.min(1000, maxRows - rows.length), ...(at.k ? { cursor: at.k } : {}), ...(where ? { where } : {}) });
    rows.push(...page.items.map(exportRow));
    const next: Position | undefined = page.nextCursor ? { d: at.d, k: page.nextCursor } : at.d < to ? { d: addDays(at.d, 1) } : undefined;
    if (!next) return { scope: query.scope, from, to, rows, first: !query.cursor, nextCursor: null };
    if (rows.length >= maxRows) return { scope: query.scope, from, to, rows, first: !query.cursor, nextCursor: encode(next) };
    at = next;
  }
}
