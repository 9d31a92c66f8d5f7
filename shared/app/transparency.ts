/** What anyone may see without a token: unit scorecards and processed tickets left public, without personal data. */
import { toMetricRow } from '../domain/metrics.js';
import type { Ticket } from '../domain/ticket.js';
import { departmentTotals, resolveRange } from './metrics.js';
import type { Dependencies, Page, PageRequest } from './ports.js';

export async function publicScorecards(deps: Pick<Dependencies, 'metrics' | 'clock'>, from?: string, to?: string) {
  const range = resolveRange(deps, from, to);
  const totals = await departmentTotals(deps, range.from, range.to);
  const items = [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([departmentId, counters]) => {
      const row = toMetricRow(counters);
      return {
        departmentId,
        received: row.received,
        processed: row.processed,
        responseRate: row.responseRate,
        onTimeRate: row.onTimeRate,
        satisfactionRate: row.satisfactionRate,
        medianResponseHours: row.medianResponseHours,
      };
    });
  return { ...range, items };
}

/** Processed tickets their owners left public, newest first; shown through `publicView` (shared/http/views.ts). */
export function listPublicTickets(deps: Pick<Dependencies, 'tickets'>, query: PageRequest & { area?: string; category?: string }): Promise<Page<Ticket>> {
  return deps.tickets.listPublic(query);
}
