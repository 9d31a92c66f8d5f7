import fc from 'fast-check';
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

  it('measures haversine distance: 1° of latitude is ~111.2 km, and a point is 0 m from itself', () => {
    expect(distanceM({ lat: 21, lng: 105.8 }, { lat: 22, lng: 105.8 })).toBeCloseTo(111_195, -1);
    expect(distanceM({ lat: 21, lng: 105.8 }, { lat: 21, lng: 105.8 })).toBe(0);
  });
});
