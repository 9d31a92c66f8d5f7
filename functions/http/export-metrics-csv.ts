import { metricsReport } from '../../shared/app/metrics.js';
import { toCsv } from '../../shared/app/csv.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute } from '../../shared/http/route-handler.js';
import { MetricRow, MetricsQuery } from '../../shared/schemas/metrics.js';
import * as z from 'zod';

const columns = ['period', ...Object.keys(MetricRow.shape)];

export const handler = httpRoute(
  'exportMetricsCsv',
  { query: MetricsQuery, responses: { 200: { description: 'One row per period, then a total row', contentType: 'text/csv', schema: z.string() } } },
  async ({ query, principal }) => {
    const report = await metricsReport(dependencies, principal, query);
    const body = toCsv(columns, [...report.series, { period: 'total', ...report.totals }]);
    const filename = `metrics-${report.scope}-${report.from}-${report.to}.csv`;
    return { status: 200, body, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } };
  },
);
