/** What anyone may see without a token: unit scorecards and processed tickets left public, without personal data. */
import { toMetricRow } from '../domain/metrics.js';
import type { Ticket } from '../domain/ticket.js';
import { departmentTotals, resolveRange } from './metrics.js';
import type { Dependencies, MediaStore, Page, PageRequest } from './ports.js';
import { signPhotos } from './uploads.js';

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

/** Only these fields leave: no name, phone, citizen id, exact address or coordinates. Photos: the feed holds public tickets only. */
export async function publicView(ticket: Ticket, media: Pick<MediaStore, 'signedUrl'>) {
  const { id, ref, category, title, description, status, departmentId, severity, createdAt, dueAt, updatedAt } = ticket;
  const { wardCode, districtCode, provinceCode } = ticket.location;
  const photos = ticket.visibility === 'public' ? await signPhotos(media, ticket.attachments) : [];
  return { id, ref, category, ...(title ? { title } : {}), description, location: { wardCode, ...(districtCode ? { districtCode } : {}), ...(provinceCode ? { provinceCode } : {}) }, status, departmentId, severity, createdAt, dueAt, updatedAt, photos };
}

export async function listPublicTickets(
  deps: Pick<Dependencies, 'tickets' | 'media'>,
  query: PageRequest & { area?: string; category?: string },
): Promise<Page<Awaited<ReturnType<typeof publicView>>>> {
  const page = await deps.tickets.listPublic(query);
  return { items: await Promise.all(page.items.map((t) => publicView(t, deps.media))), nextCursor: page.nextCursor };
}
