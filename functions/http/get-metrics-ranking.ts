import { ranking } from '../../shared/app/metrics.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Ranking, RankingQuery } from '../../shared/schemas/metrics.js';

export const handler = httpRoute(
  'getMetricsRanking',
  { query: RankingQuery, responses: { 200: { description: 'Units ranked; those under minSample listed apart', schema: Ranking } } },
  async ({ query, principal }) => json(200, await ranking(dependencies, principal, query)),
);
