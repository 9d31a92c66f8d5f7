import { nearbyTickets } from '../../shared/app/nearby.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { NearbyQuery, NearbyTickets } from '../../shared/schemas/following.js';

export const handler = httpRoute(
  'getNearbyTickets',
  { query: NearbyQuery, responses: { 200: { description: 'Open tickets within the radius, nearest first, at most 10', schema: NearbyTickets } } },
  async ({ query }) => json(200, { items: (await nearbyTickets(dependencies, query)).items }),
);
