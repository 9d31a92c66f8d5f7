/**
 * An object landed in incoming/: find its upload, check the real type from the bytes,
 * re-encode (upright, ≤ 2048 px, no metadata) with a 320 px thumbnail, write both under
 * media/<id>/, mark the upload ready (or rejected with a reason) and delete the original.
 * Idempotent: an upload that is no longer pending is left alone, so a duplicate event writes nothing.
 */
import { fullKey, incomingKey, MAX_UPLOAD_BYTES, outputFormat, sniffImageType, thumbKey, type RejectionReason } from '../domain/upload.js';
import type { Clock, MediaStore, UploadOutcome, UploadStore } from './ports.js';

export class ImageRejectedError extends Error {
  constructor(readonly reason: RejectionReason) {
    super(reason);
  }
}

export interface ProcessedImage {
  bytes: Buffer;
  width: number;
  height: number;
}

export interface ImageProcessor {
  /** Decodes, rotates by EXIF orientation, bounds the long side, and encodes without metadata. Throws ImageRejectedError. */
  render(input: Buffer, format: 'jpeg' | 'webp', maxPx: number): Promise<ProcessedImage>;
}

export interface ProcessDeps {
  uploads: UploadStore;
  media: MediaStore;
  images: ImageProcessor;
  clock: Clock;
}

export type ProcessResult = { id: string; outcome: UploadOutcome | 'skipped'; why?: string };

const mime = { jpeg: 'image/jpeg', webp: 'image/webp' } as const;

export async function processUpload(
  deps: ProcessDeps,
  id: string,
  opts: { fullMaxPx: number; thumbMaxPx: number; malwareVerdict?: () => Promise<string> },
): Promise<ProcessResult> {
  const upload = await deps.uploads.get(id);
  if (!upload) return { id, outcome: 'skipped', why: 'no such upload' };
  if (upload.status !== 'pending') return { id, outcome: 'skipped', why: `already ${upload.status}` };

  const finish = async (outcome: UploadOutcome) => {
    const changed = await deps.uploads.finish(id, outcome, deps.clock.now().toISOString());
    // Only the run that changed the item removes the original: a racing duplicate leaves it to that run.
    if (changed) await deps.media.delete([incomingKey(id)]);
    return { id, outcome: changed ? outcome : ('skipped' as const), ...(changed ? {} : { why: 'finished by another delivery' }) };
  };

  const verdict = opts.malwareVerdict ? await opts.malwareVerdict() : 'NO_THREATS_FOUND';
  if (verdict !== 'NO_THREATS_FOUND') {
    if (verdict === 'THREATS_FOUND') return finish({ status: 'rejected', reason: 'malware' });
    // Not scanned yet, unsupported, failed: leave it pending; only a clean verdict is processed.
    return { id, outcome: 'skipped', why: `malware scan ${verdict || 'missing'}` };
  }

  const object = await deps.media.read(incomingKey(id));
  if (!object) return { id, outcome: 'skipped', why: 'no object' };
  if (object.bytes.length > MAX_UPLOAD_BYTES) return finish({ status: 'rejected', reason: 'too_large' });
  const type = sniffImageType(object.bytes);
  if (!type) return finish({ status: 'rejected', reason: 'not_an_image' });
  const format = outputFormat(type);
  try {
    const full = await deps.images.render(object.bytes, format, opts.fullMaxPx);
    const thumb = await deps.images.render(full.bytes, format, opts.thumbMaxPx);
    await Promise.all([deps.media.write(fullKey(id, format), full.bytes, mime[format]), deps.media.write(thumbKey(id, format), thumb.bytes, mime[format])]);
    return finish({ status: 'ready', width: full.width, height: full.height, format });
  } catch (error) {
    if (error instanceof ImageRejectedError) return finish({ status: 'rejected', reason: error.reason });
    throw error;
  }
}
