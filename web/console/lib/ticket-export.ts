/**
 * The per-ticket CSV for a scope and period. The API cuts a long export into parts (a Lambda
 * response is at most 6 MB): each part but the last names the next in `Link: <…>; rel="next"`,
 * and only the first carries the header row, so the parts joined in order are the whole file.
 */
import { fetchWithToken } from '../../shared/api/download';

export function nextLink(header: string | null): string | undefined {
  return header?.split(',').map((p) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(p)?.[1]).find(Boolean);
}

export async function fetchTicketCsv(query: { scope: string; from: string; to: string }, base = ''): Promise<Blob> {
  const parts: Blob[] = [];
  let url: string | undefined = `${base}/v1/tickets/export.csv?${new URLSearchParams(query)}`;
  for (let i = 0; url && i < 1000; i++) {
    const res: Response = await fetchWithToken(url);
    parts.push(await res.blob());
    const next = nextLink(res.headers.get('link'));
    url = next ? new URL(next, location.origin + base).toString() : undefined;
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
