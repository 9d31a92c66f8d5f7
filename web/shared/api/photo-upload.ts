/**
 * A photo from the user's device to a `ready` upload, as docs/api.md defines it: shrink it in the
 * browser, ask POST /v1/uploads for a presigned POST, send every grant field then `file` to S3,
 * and wait for processing to call it ready (or rejected). Both apps use it: the console uploads
 * at once (`uploadPhoto`); the citizen app shrinks when the photo is picked and sends later from
 * its outbox (`shrinkPhoto`, then `sendPhoto`), so a report written offline keeps small photos.
 */
import { api, problemText, type Schemas } from './client';

export type Upload = Schemas['Upload'];
export type UploadPurpose = Upload['purpose'];

/** The server keeps photos at most 2048 px on the long side: sending more only costs the user's data plan. */
export const MAX_EDGE = 2048;
export const MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

export class UploadError extends Error {
  constructor(
    message: string,
    /**
     * `not_an_image`, `too_large`… from processing, `unreadable` when the browser cannot decode it,
     * `refused` when S3 or the API said no, `unavailable` (a 5xx or 429) and `timeout` when trying
     * again later may work.
     */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** Worth trying again later (the outbox does): the service was busy, not the photo wrong. */
export const retryable = (e: unknown) => !(e instanceof UploadError) || e.reason === 'unavailable' || e.reason === 'timeout';

async function encode(bitmap: ImageBitmap, edge: number, quality: number): Promise<Blob> {
  const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d unavailable');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', quality));
  if (!blob) throw new Error('could not encode the photo');
  return blob;
}

/**
 * Re-encodes as JPEG at most `maxEdge` px on the long side, upright (EXIF orientation applied),
 * stepping size and quality down until it is at most `maxBytes`. Drawing on a canvas also drops
 * the EXIF block, so a phone's GPS position never leaves it. Throws UploadError `unreadable`
 * (the browser cannot decode it) or `too_large` (still over the budget at the smallest step).
 */
export async function shrinkPhoto(file: Blob, opts: { maxEdge?: number; maxBytes?: number } = {}): Promise<Blob> {
  const maxEdge = opts.maxEdge ?? MAX_EDGE;
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new UploadError(String(e), 'unreadable');
  }
  try {
    const ladder = [[maxEdge, 0.82], [maxEdge, 0.7], [1280, 0.7], [1024, 0.6], [800, 0.5]] as const;
    for (const [edge, quality] of ladder) {
      if (edge > maxEdge) continue;
      const blob = await encode(bitmap, edge, quality);
      if (blob.size <= maxBytes) return blob;
    }
    throw new UploadError('photo too detailed to shrink', 'too_large');
  } finally {
    bitmap.close();
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits for processing: quick polls first, then slower, up to `timeoutMs`. */
export async function waitForUpload(id: string, timeoutMs = 60_000): Promise<Upload> {
  const until = Date.now() + timeoutMs;
  for (let delay = 250; ; delay = Math.min(delay * 1.5, 2_000)) {
    const { data, error, response } = await api.GET('/v1/uploads/{id}', { params: { path: { id } } });
    if (error) throw new UploadError(problemText(error), response.status >= 500 || response.status === 429 ? 'unavailable' : 'refused');
    if (data.status !== 'pending') return data;
    if (Date.now() > until) throw new UploadError('processing took too long', 'timeout');
    await sleep(delay);
  }
}

/**
 * Sends an already shrunk JPEG and waits until it is ready; resolves with the upload, throws
 * UploadError (or the network's own error, e.g. a timeout's AbortError) otherwise.
 */
export async function sendPhoto(blob: Blob, purpose: UploadPurpose, opts: { timeoutMs?: number } = {}): Promise<Upload> {
  const timeout = () => (opts.timeoutMs ? { signal: AbortSignal.timeout(opts.timeoutMs) } : {});
  const { data: grant, error, response } = await api.POST('/v1/uploads', { body: { purpose, contentType: 'image/jpeg', size: blob.size }, ...timeout() });
  if (error) throw new UploadError(problemText(error), response.status >= 500 || response.status === 429 ? 'unavailable' : 'refused');
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.fields)) form.append(k, v);
  form.append('file', blob, 'photo.jpg');
  const res = await fetch(grant.url, { method: 'POST', body: form, ...(opts.timeoutMs ? { signal: AbortSignal.timeout(opts.timeoutMs * 3) } : {}) });
  if (!res.ok) {
    // S3 answers in XML: its <Message> is the readable part.
    const text = await res.text().catch(() => '');
    throw new UploadError(/<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? `${res.status} ${res.statusText}`, res.status >= 500 || res.status === 429 ? 'unavailable' : 'refused');
  }
  const done = await waitForUpload(grant.id);
  if (done.status === 'rejected') throw new UploadError(done.reason ?? 'rejected', done.reason ?? 'rejected');
  return done;
}

/** The whole flow for one file, at once; resolves with the ready upload, throws UploadError otherwise. */
export async function uploadPhoto(file: Blob, purpose: UploadPurpose): Promise<Upload> {
  return sendPhoto(await shrinkPhoto(file), purpose);
}
