/**
 * Where tickets are, for "already reported?": geohash cells (precision 6) to index them by,
 * the cells a search circle touches, and great-circle distance. Pure.
 *
 * A precision-6 cell is 0.0055° of latitude × 0.011° of longitude: at Hanoi (21° N) about
 * 0.61 km north–south × 1.14 km east–west. A cell and its 8 neighbours therefore reach at least
 * 610 m from any point inside it, not 1000 m: `cellsCovering` takes every cell the circle's
 * bounding box touches instead (for 250 m: 1, 2 or 4 cells; for 1000 m: at most 5 × 3).
 */
import ngeohash from 'ngeohash';

export const GEO_PRECISION = 6;
export const NEARBY_RADIUS = { min: 50, max: 1000, default: 250 } as const;
/** At most this many results. */
export const NEARBY_LIMIT = 10;

const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_M) / 180;
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface Point {
  lat: number;
  lng: number;
}

/** The cell a point is indexed under. */
export function cellOf(point: Point): string {
  return ngeohash.encode(point.lat, point.lng, GEO_PRECISION);
}

/** Haversine distance in metres (mean Earth radius; within 0.5 % of the ellipsoid at these ranges). */
export function distanceM(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Every cell that may hold a point within `radiusM` of `center`: the cells under the circle's bounding box. */
export function cellsCovering(center: Point, radiusM: number): string[] {
  const dLat = radiusM / METRES_PER_DEGREE_LAT;
  // The box's widest latitude sets how many degrees of longitude the radius spans.
  const widest = Math.min(89, Math.abs(center.lat) + dLat);
  const dLng = radiusM / (METRES_PER_DEGREE_LAT * Math.cos(rad(widest)));
  // A cell at a corner of the box that the circle itself misses holds no result: one Query less (every Query is billed).
  return ngeohash.bboxes(center.lat - dLat, center.lng - dLng, center.lat + dLat, center.lng + dLng, GEO_PRECISION).filter((cell) => {
    const [minLat, minLng, maxLat, maxLng] = ngeohash.decode_bbox(cell);
    const nearest = { lat: Math.min(Math.max(center.lat, minLat), maxLat), lng: Math.min(Math.max(center.lng, minLng), maxLng) };
    return distanceM(center, nearest) <= radiusM + 1; // a metre of slack for the flat clamp
  });
}
