/**
 * Photos and evidence: an upload is granted (pending), processed (ready or rejected) and at
 * most once attached to a ticket or an answer. Pure rules: which role may upload what, what
 * bytes are an image, what may be attached, and where each object lives in the bucket.
 */
import type { FieldError } from './errors.js';
import type { Principal } from './principal.js';

export const uploadPurposes = ['ticket', 'evidence'] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];

export const uploadContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type UploadContentType = (typeof uploadContentTypes)[number];

export const uploadStatuses = ['pending', 'ready', 'rejected', 'attached'] as const;
export type UploadStatus = (typeof uploadStatuses)[number];

/** What a rejected upload says went wrong. */
export const rejectionReasons = ['not_an_image', 'undecodable', 'too_many_pixels', 'too_large', 'malware'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The presigned POST's lifetime. */
export const GRANT_SECONDS = 5 * 60;
/** Presigned GET URLs in views. */
export const PHOTO_URL_SECONDS = 15 * 60;
export const MAX_PHOTOS = 5;
/** Long side of the stored photo and of its thumbnail. */
export const FULL_MAX_PX = 2048;
export const THUMB_MAX_PX = 320;
/** A decompression bomb (a small PNG of 30,000 × 30,000) is refused before it is decoded. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Uploads never attached are swept after this many days. */
export const UNATTACHED_DAYS = 7;
/** The item's TTL: later than the sweep, so the sweep still finds the item whose media it deletes. */
export const UPLOAD_TTL_DAYS = UNATTACHED_DAYS + 3;

export type MediaFormat = 'jpeg' | 'webp';

export interface Upload {
  id: string;
  ownerId: string;
  purpose: UploadPurpose;
  contentType: UploadContentType;
  /** Bytes the client said it would send (the grant bounds the real size). */
  size: number;
  status: UploadStatus;
  createdAt: string;
  processedAt?: string;
  reason?: RejectionReason;
  width?: number;
  height?: number;
  format?: MediaFormat;
  ticketId?: string;
  attachedAt?: string;
}

/** What a ticket keeps of each photo it carries: enough to show it without reading the upload. */
export interface Photo {
  id: string;
  width: number;
  height: number;
  format: MediaFormat;
}

export const incomingKey = (id: string) => `incoming/${id}`;
export const INCOMING_PREFIX = 'incoming/';
const extension = (format: MediaFormat) => (format === 'jpeg' ? 'jpg' : 'webp');
export const fullKey = (id: string, format: MediaFormat) => `media/${id}/full.${extension(format)}`;
export const thumbKey = (id: string, format: MediaFormat) => `media/${id}/thumb.${extension(format)}`;
/** The upload id of an `incoming/` key, or undefined for any other key. */
export function uploadIdOfKey(key: string): string | undefined {
  const m = /^incoming\/([0-9A-HJKMNP-TV-Z]{26})$/.exec(key);
  return m?.[1];
}

/** Citizens upload photos for their tickets; staff (and admins, who may act too) evidence for answers. */
export function mayUpload(who: Principal, purpose: UploadPurpose): boolean {
  return purpose === 'ticket' ? who.role === 'citizen' : who.role === 'staff' || who.role === 'admin';
}

/** JPEG keeps JPEG; PNG and WebP (maybe with transparency) become WebP. */
export const outputFormat = (type: SniffedType): MediaFormat => (type === 'jpeg' ? 'jpeg' : 'webp');

export type SniffedType = 'jpeg' | 'png' | 'webp';

/** The real type from the first bytes, whatever the name or the declared Content-Type say. */
export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  const at = (i: number, ...values: number[]) => values.every((v, k) => bytes[i + k] === v);
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  return undefined;
}

export function photoOf(upload: Upload): Photo | undefined {
  if (!upload.width || !upload.height || !upload.format) return undefined;
  return { id: upload.id, width: upload.width, height: upload.height, format: upload.format };
}

/** Why `upload` cannot be attached by `who` for `purpose` (undefined: it can). */
export function notAttachable(upload: Upload | undefined, who: Principal, purpose: UploadPurpose): string | undefined {
  // Someone else's upload answers as an unknown one: ids are not an oracle.
  if (!upload || upload.ownerId !== who.userId) return 'unknown upload';
  if (upload.purpose !== purpose) return `an upload for ${upload.purpose}, not ${purpose}`;
  switch (upload.status) {
    case 'pending':
      return 'not processed yet (upload the file, then wait until it is ready)';
    case 'rejected':
      return `rejected (${upload.reason ?? 'not an image'})`;
    case 'attached':
      return 'already attached to a ticket';
    case 'ready':
      return undefined;
  }
}

/** Each reference must be distinct and attachable; the errors name each bad entry under `field`. */
export function attachmentErrors(
  ids: readonly string[],
  uploads: ReadonlyMap<string, Upload>,
  who: Principal,
  purpose: UploadPurpose,
  field: string,
): FieldError[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    const path = `${field}.${i}.uploadId`;
    if (seen.has(id)) return [{ path, message: 'named twice' }];
    seen.add(id);
    const why = notAttachable(uploads.get(id), who, purpose);
    return why ? [{ path, message: why }] : [];
  });
}
