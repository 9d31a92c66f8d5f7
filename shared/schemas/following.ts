import * as z from 'zod';
import { NEARBY_LIMIT, NEARBY_RADIUS } from '../domain/geo.js';
import { SUMMARY_LENGTH } from '../domain/nearby.js';
import { coordinateParam, intParam, PhotoView } from './common.js';

export const NearbyQuery = z.strictObject({
  lat: coordinateParam(-90, 90),
  lng: coordinateParam(-180, 180),
  radius: intParam({ min: NEARBY_RADIUS.min, max: NEARBY_RADIUS.max }).default(NEARBY_RADIUS.default).describe('Metres, 50–1000'),
  category: z.string().min(1).max(64).optional(),
});

export const NearbyTicket = z
  .object({
    id: z.string(),
    ref: z.string().optional(),
    category: z.string(),
    status: z.string(),
    distanceM: z.number().int(),
    createdAt: z.iso.datetime(),
    followers: z.number().int(),
    title: z.string().optional().describe('Public tickets only'),
    description: z
      .string()
      .optional()
      .describe(`Public tickets only: the start of the description, at most ${SUMMARY_LENGTH} visible characters with white space folded, cut at a word and ending in "…" when shortened (the full text is on the ticket)`),
    photos: z
      .array(PhotoView.omit({ url: true }).meta({ id: 'Thumbnail' }))
      .optional()
      .describe("Public tickets with photos only: each photo's 320 px thumbnail (width and height are the photo's, for its aspect), never the full photo"),
  })
  .meta({ id: 'NearbyTicket' });

export const NearbyTickets = z.object({ items: z.array(NearbyTicket).max(NEARBY_LIMIT) }).meta({ id: 'NearbyTickets' });

export const FollowState = z.object({ following: z.boolean(), followers: z.number().int() }).meta({ id: 'FollowState' });
