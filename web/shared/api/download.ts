/** A file the API streams, saved as a file: a plain link cannot carry the bearer token, so fetch it and hand the browser a blob. */
import { session } from '../auth/session';

/** A GET with the session's bearer token (for the routes the typed client does not read as JSON); throws unless 2xx. */
export async function fetchWithToken(url: string): Promise<Response> {
  const res = await fetch(url, { headers: session.value ? { authorization: `Bearer ${session.value.token}` } : {} });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return res;
}

/** Hands the browser a blob to save as `filename`. */
export function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export async function downloadWithToken(url: string, filename: string) {
  saveBlob(await (await fetchWithToken(url)).blob(), filename);
}
