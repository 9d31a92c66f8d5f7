/** A CSV the API streams, saved as a file: a plain link cannot carry the bearer token, so fetch it and hand the browser a blob. */
import { session } from '../auth/session';

export async function downloadWithToken(url: string, filename: string) {
  const res = await fetch(url, { headers: session.value ? { authorization: `Bearer ${session.value.token}` } : {} });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
