/**
 * Photos and evidence: grant an upload (presigned POST), say how it went, and turn the upload
 * ids a request names into the photos a ticket keeps plus the conditional attach of each.
 */
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import {
  attachmentErrors,
  fullKey,
  GRANT_SECONDS,
  incomingKey,
  MAX_UPLOAD_BYTES,
  mayUpload,
  photoOf,
  PHOTO_URL_SECONDS,
  thumbKey,
  type Photo,
  type Upload,
  type UploadContentType,
  type UploadPurpose,
} from '../domain/upload.js';
import type { AttachUploads, Dependencies, MediaStore } from './ports.js';

export interface UploadRequest {
  purpose: UploadPurpose;
  contentType: UploadContentType;
  size: number;
}

export async function requestUpload(deps: Pick<Dependencies, 'uploads' | 'media' | 'clock' | 'ids'>, who: Principal, request: UploadRequest) {
  if (!mayUpload(who, request.purpose)) throw new ForbiddenError(`The ${who.role} role may not upload for ${request.purpose}.`);
  const now = deps.clock.now();
  const upload: Upload = {
    id: deps.ids.next(),
    ownerId: who.userId,
    purpose: request.purpose,
    contentType: request.contentType,
    size: request.size,
    status: 'pending',
    createdAt: now.toISOString(),
  };
  // The item first: an object can then never land without the upload it belongs to.
  await deps.uploads.create(upload);
  const grant = await deps.media.grant({ key: incomingKey(upload.id), contentType: upload.contentType, maxBytes: MAX_UPLOAD_BYTES, expiresSeconds: GRANT_SECONDS });
  return { id: upload.id, url: grant.url, fields: grant.fields, expiresAt: new Date(now.getTime() + GRANT_SECONDS * 1000).toISOString(), maxBytes: MAX_UPLOAD_BYTES };
}

export async function getUpload(deps: Pick<Dependencies, 'uploads' | 'media'>, who: Principal, id: string) {
  const upload = await deps.uploads.get(id);
  if (!upload || upload.ownerId !== who.userId) throw new NotFoundError(`No upload ${id}.`);
  const photo = photoOf(upload);
  return {
    id: upload.id,
    purpose: upload.purpose,
    status: upload.status,
    ...(upload.reason ? { reason: upload.reason } : {}),
    ...(photo ? { width: photo.width, height: photo.height, thumbUrl: await deps.media.signedUrl(thumbKey(photo.id, photo.format), PHOTO_URL_SECONDS) } : {}),
  };
}

/**
 * The photos named by `refs`, each checked (ready, the caller's, `purpose`, unattached), and the
 * attach that the ticket's transaction performs under the same conditions (the race guard).
 */
export async function resolveAttachments(
  deps: Pick<Dependencies, 'uploads'>,
  who: Principal,
  refs: readonly { uploadId: string }[] | undefined,
  purpose: UploadPurpose,
  field: string,
): Promise<{ photos: Photo[]; attach?: AttachUploads }> {
  if (!refs?.length) return { photos: [] };
  const ids = refs.map((r) => r.uploadId);
  const uploads = await deps.uploads.getMany(ids);
  const errors = attachmentErrors(ids, uploads, who, purpose, field);
  if (errors.length) throw new ValidationError('An upload cannot be attached.', errors);
  return { photos: ids.map((id) => photoOf(uploads.get(id)!)!), attach: { uploadIds: ids, ownerId: who.userId, purpose, field } };
}

export interface PhotoUrls {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

// Items written before photos existed carried bare keys: nothing to show for those.
const realPhotos = (photos: readonly Photo[] | undefined) => (photos ?? []).filter((p): p is Photo => Boolean(p && (p as Photo).id && (p as Photo).format));

/** Presigned GETs for photos the caller may see (the caller of this decided that). */
export function signPhotos(media: Pick<MediaStore, 'signedUrl'>, photos: readonly Photo[] | undefined): Promise<PhotoUrls[]> {
  return Promise.all(
    realPhotos(photos).map(async (p) => {
      const [url, thumbUrl] = await Promise.all([media.signedUrl(fullKey(p.id, p.format), PHOTO_URL_SECONDS), media.signedUrl(thumbKey(p.id, p.format), PHOTO_URL_SECONDS)]);
      return { id: p.id, url, thumbUrl, width: p.width, height: p.height };
    }),
  );
}

export type ThumbnailUrls = Omit<PhotoUrls, 'url'>;

/** Presigned GETs of the thumbnails only: for lists that show a glimpse, never the full photo. */
export function signThumbnails(media: Pick<MediaStore, 'signedUrl'>, photos: readonly Photo[] | undefined): Promise<ThumbnailUrls[]> {
  return Promise.all(realPhotos(photos).map(async (p) => ({ id: p.id, thumbUrl: await media.signedUrl(thumbKey(p.id, p.format), PHOTO_URL_SECONDS), width: p.width, height: p.height })));
}
