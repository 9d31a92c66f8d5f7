import { metricsReport } from '../../shared/app/metrics.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { MetricsQuery, MetricsReport } from '../../shared/schemas/metrics.js';

export const handler = httpRoute(
  'getMetrics',
  { query: MetricsQuery, responses: { 200: { description: 'Counters and rates per period, and totals', schema: MetricsReport } } },
  async ({ query, principal }) => json(200, await metricsReport(dependencies, principal, query)),
);
