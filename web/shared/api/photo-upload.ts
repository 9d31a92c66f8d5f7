/**
 * A photo from the user's device to a `ready` upload, as docs/api.md defines it: shrink it in the
 * browser, ask POST /v1/uploads for a presigned POST, send every grant field then `file` to S3,
 * and wait for processing to call it ready (or rejected).
 */
import { api, problemText, type Schemas } from './client';

export type Upload = Schemas['Upload'];
export type UploadPurpose = Upload['purpose'];

/** The server keeps photos at most 2048 px on the long side: sending more only costs the user's data plan. */
export const MAX_EDGE = 2048;
export const MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

/**
 * Re-encodes as JPEG at most `maxEdge` px on the long side, upright (EXIF orientation applied).
 * Drawing on a canvas also drops the EXIF block, so a phone's GPS position never leaves it.
 */
export async function downscale(file: Blob, maxEdge = MAX_EDGE, quality = 0.85): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2d unavailable');
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', quality));
    if (!blob) throw new Error('could not encode the photo');
    return blob;
  } finally {
    bitmap.close();
  }
}

export class UploadError extends Error {
  constructor(
    message: string,
    /** `not_an_image`, `too_large`… from processing, `unreadable` when the browser cannot decode it, `refused` when S3 or the API said no. */
    readonly reason: string,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Waits for processing: quick polls first, then slower, up to `timeoutMs`. */
export async function waitForUpload(id: string, timeoutMs = 60_000): Promise<Upload> {
  const until = Date.now() + timeoutMs;
  for (let delay = 250; ; delay = Math.min(delay * 1.5, 2_000)) {
    const { data, error } = await api.GET('/v1/uploads/{id}', { params: { path: { id } } });
    if (error) throw new UploadError(problemText(error), 'refused');
    if (data.status !== 'pending') return data;
    if (Date.now() > until) throw new UploadError('processing took too long', 'timeout');
    await sleep(delay);
  }
}

/** The whole flow for one file; resolves with the ready upload, throws UploadError otherwise. */
export async function uploadPhoto(file: Blob, purpose: UploadPurpose): Promise<Upload> {
  let blob: Blob;
  try {
    blob = await downscale(file);
  } catch (e) {
    throw new UploadError(String(e), 'unreadable');
  }
  if (blob.size > MAX_BYTES) throw new UploadError('too large', 'too_large');
  const { data: grant, error } = await api.POST('/v1/uploads', { body: { purpose, contentType: 'image/jpeg', size: blob.size } });
  if (error) throw new UploadError(problemText(error), 'refused');
  const form = new FormData();
  for (const [k, v] of Object.entries(grant.fields)) form.append(k, v);
  form.append('file', blob, 'photo.jpg');
  const res = await fetch(grant.url, { method: 'POST', body: form });
  if (!res.ok) {
    // S3 answers in XML: its <Message> is the readable part.
    const text = await res.text().catch(() => '');
    throw new UploadError(/<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? `${res.status} ${res.statusText}`, 'refused');
  }
  const done = await waitForUpload(grant.id);
  if (done.status === 'rejected') throw new UploadError(done.reason ?? 'rejected', done.reason ?? 'rejected');
  return done;
}
