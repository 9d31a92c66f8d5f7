import fc from 'fast-check';
import ngeohash from 'ngeohash';
import { describe, expect, it } from 'vitest';
import { cellOf, cellsCovering, distanceM, NEARBY_RADIUS } from '../../../shared/domain/geo.js';

const M_PER_DEG_LAT = (Math.PI * 6_371_008.8) / 180;
/** A point `metres` away from `p` on `bearing` (small distances: a local flat approximation, checked by haversine below). */
const offset = (p: { lat: number; lng: number }, metres: number, bearing: number) => ({
  lat: p.lat + (metres * Math.cos(bearing)) / M_PER_DEG_LAT,
  lng: p.lng + (metres * Math.sin(bearing)) / (M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180)),
});

describe('cells a nearby search reads', () => {
  it('always include the cell of every point within the radius, across cell boundaries (Hanoi)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20.56, max: 21.39, noNaN: true }),
        fc.double({ min: 105.28, max: 106.02, noNaN: true }),
        fc.integer({ min: NEARBY_RADIUS.min, max: NEARBY_RADIUS.max }),
        // Mostly at the rim, where a cell left out would show: inside the circle, beside its edge.
        fc.oneof({ arbitrary: fc.double({ min: 0.97, max: 1, noNaN: true }), weight: 4 }, { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lng, radius, fraction, bearing) => {
          const centre = { lat, lng };
          const point = offset(centre, radius * fraction, bearing);
          if (distanceM(centre, point) > radius) return; // the flat step overshot: not a point within the radius
          expect(cellsCovering(centre, radius)).toContain(cellOf(point));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('stay few: 1 to 4 cells at 250 m, at most 15 at 1000 m', () => {
    fc.assert(
      fc.property(fc.double({ min: 20.56, max: 21.39, noNaN: true }), fc.double({ min: 105.28, max: 106.02, noNaN: true }), (lat, lng) => {
        const n = cellsCovering({ lat, lng }, NEARBY_RADIUS.default).length;
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(4);
        expect(cellsCovering({ lat, lng }, NEARBY_RADIUS.max).length).toBeLessThanOrEqual(15);
      }),
      { numRuns: 500 },
    );
  });

  it('leave out a corner cell of the box that the circle misses, keep it when the circle reaches it', () => {
    const cell = cellOf({ lat: 21.03, lng: 105.85 });
    const [, , maxLat, maxLng] = ngeohash.decode_bbox(cell);
    const corner = { lat: maxLat, lng: maxLng };
    const diagonal = cellOf(offset(corner, 10, Math.PI / 4)); // the cell north-east of the corner
    // 200 m south and 200 m west of the corner: the box reaches the diagonal cell, the circle (283 m to the corner) does not.
    const away = offset(offset(corner, 200, Math.PI), 200, -Math.PI / 2);
    expect(cellsCovering(away, 250)).toHaveLength(3);
    expect(cellsCovering(away, 250)).not.toContain(diagonal);
    // 150 m each way: 212 m to the corner, inside the circle.
    const near = offset(offset(corner, 150, Math.PI), 150, -Math.PI / 2);
    expect(cellsCovering(near, 250)).toHaveLength(4);
    expect(cellsCovering(near, 250)).toContain(diagonal);
  });

  it('measures haversine distance: 1° of latitude is ~111.2 km, and a point is 0 m from itself', () => {
    expect(distanceM({ lat: 21, lng: 105.8 }, { lat: 22, lng: 105.8 })).toBeCloseTo(111_195, -1);
    expect(distanceM({ lat: 21, lng: 105.8 }, { lat: 21, lng: 105.8 })).toBe(0);
  });
});
