import { publicScorecards } from '../../shared/app/transparency.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Scorecards, ScorecardsQuery } from '../../shared/schemas/metrics.js';

export const handler = httpRoute(
  'getPublicScorecards',
  { query: ScorecardsQuery, responses: { 200: { description: 'Per department: received, processed and rates', schema: Scorecards } } },
  async ({ query }) => json(200, await publicScorecards(dependencies, query.from, query.to)),
);
