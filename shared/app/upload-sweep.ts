/** Never-attached uploads are deleted after UNATTACHED_DAYS: their media objects, then their item. */
import { fullKey, incomingKey, thumbKey, UNATTACHED_DAYS, UPLOAD_TTL_DAYS, type Upload } from '../domain/upload.js';
import type { Dependencies } from './ports.js';

const DAY_MS = 86_400_000;

export async function sweepUploads(deps: Pick<Dependencies, 'uploads' | 'media' | 'clock'>, at?: Date) {
  const now = at ?? deps.clock.now();
  const cutoff = new Date(now.getTime() - UNATTACHED_DAYS * DAY_MS).toISOString();
  let examined = 0;
  let deleted = 0;
  // Days from the oldest the TTL still keeps to the cutoff's day: a missed run is caught up.
  for (let back = UPLOAD_TTL_DAYS; back >= UNATTACHED_DAYS; back--) {
    const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    let cursor: string | undefined;
    do {
      const page = await deps.uploads.unattachedOn(day, { limit: 100, cursor });
      for (const upload of page.items) {
        examined++;
        if (upload.status === 'attached' || upload.createdAt > cutoff) continue;
        await deps.media.delete(mediaKeys(upload));
        if (await deps.uploads.delete(upload.id)) deleted++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { now: now.toISOString(), examined, deleted };
}

function mediaKeys(upload: Upload): string[] {
  return [incomingKey(upload.id), ...(upload.format ? [fullKey(upload.id, upload.format), thumbKey(upload.id, upload.format)] : [])];
}
