import * as z from 'zod';
import { csvRows, toCsv } from '../../shared/app/csv.js';
import { recordExport } from '../../shared/app/personal-data.js';
import { exportColumns, exportTickets } from '../../shared/app/ticket-export.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute } from '../../shared/http/route-handler.js';
import { TicketExportQuery } from '../../shared/schemas/metrics.js';

/**
 * Rows per response: ~200 bytes each keeps a part near 4 MB, inside Lambda's 6 MB response
 * payload (API Gateway HTTP APIs cannot stream a Lambda response) and well inside its timeout.
 */
const maxRows = () => Number(process.env.TICKET_EXPORT_MAX_ROWS ?? 20_000);

export const handler = httpRoute(
  'exportTicketsCsv',
  {
    query: TicketExportQuery,
    responses: {
      200: {
        description:
          'CSV (id, ref, receivedAt, category, wardCode, departmentId, status, dueAt, processedAt, onTime, rating). When more rows remain, X-Next-Cursor (and Link rel=next) name the next part, which continues the file without a header row.',
        contentType: 'text/csv',
        schema: z.string(),
      },
    },
  },
  async ({ query, principal }) => {
    const part = await exportTickets(dependencies, principal, query, maxRows());
    // One entry per export, written with its first part: not one per row, and not again per part.
    if (part.first) await recordExport(dependencies, principal, 'exportTicketsCsv', { scope: part.scope, from: part.from, to: part.to });
    const body = part.first ? toCsv(exportColumns, part.rows) : csvRows(exportColumns, part.rows);
    const next: Record<string, string> = part.nextCursor
      ? { 'x-next-cursor': part.nextCursor, link: `</v1/tickets/export.csv?${new URLSearchParams({ scope: part.scope, from: part.from, to: part.to, cursor: part.nextCursor })}>; rel="next"` }
      : {};
    return {
      status: 200,
      body,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="tickets-${part.scope}-${part.from}-${part.to}.csv"`,
        'access-control-expose-headers': 'x-next-cursor, link',
        ...next,
      },
    };
  },
);
