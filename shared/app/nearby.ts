/** "Already reported?": open tickets near a point, nearest first, without personal data. */
import { cellsCovering, distanceM, NEARBY_LIMIT } from '../domain/geo.js';
import type { Dependencies, NearbyCandidate } from './ports.js';
import { signThumbnails, type ThumbnailUrls } from './uploads.js';

/** Newest open tickets read per cell: bounds the cost where a cell is crowded. */
export const PER_CELL = 50;

export interface NearbyItem {
  id: string;
  ref?: string;
  category: string;
  status: string;
  distanceM: number;
  createdAt: string;
  followers: number;
  title?: string;
  description?: string;
  photos?: ThumbnailUrls[];
}

/**
 * Only these fields leave. The entry already holds text and photos only when the owner left
 * the ticket public (domain/nearby.ts), and of the photos only thumbnails are signed: enough to
 * recognise the same problem from anywhere, nothing more.
 */
export async function nearbyView(media: Pick<Dependencies['media'], 'signedUrl'>, t: NearbyCandidate, distance: number): Promise<NearbyItem> {
  const photos = t.photos?.length ? await signThumbnails(media, t.photos) : [];
  return {
    id: t.id,
    ...(t.ref ? { ref: t.ref } : {}),
    category: t.category,
    status: t.status,
    distanceM: Math.round(distance),
    createdAt: t.createdAt,
    followers: t.followers,
    ...(t.title ? { title: t.title } : {}),
    ...(t.summary !== undefined ? { description: t.summary } : {}),
    ...(photos.length ? { photos } : {}),
  };
}

export async function nearbyTickets(
  deps: Pick<Dependencies, 'geo' | 'media'>,
  query: { lat: number; lng: number; radius: number; category?: string },
): Promise<{ items: NearbyItem[]; readUnits: number }> {
  const center = { lat: query.lat, lng: query.lng };
  const cells = cellsCovering(center, query.radius);
  const { items, readUnits } = await deps.geo.openInCells(cells, { ...(query.category ? { category: query.category } : {}), perCell: PER_CELL });
  const near = items
    .flatMap((t) => {
      const d = distanceM(center, t);
      return d <= query.radius ? [{ t, d }] : [];
    })
    .sort((a, b) => a.d - b.d || b.t.createdAt.localeCompare(a.t.createdAt))
    .slice(0, NEARBY_LIMIT);
  return { items: await Promise.all(near.map(({ t, d }) => nearbyView(deps.media, t, d))), readUnits };
}
