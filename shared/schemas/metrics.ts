import * as z from 'zod';
import { rankingMetrics } from '../app/metrics.js';
import { intParam, LocalDay } from './common.js';

/** The use case adds the rules between the two (order, length) and the defaults. */
const Day = LocalDay.describe('A local date YYYY-MM-DD (Asia/Ho_Chi_Minh); default: the last 30 days');

export const MetricsQuery = z.strictObject({
  scope: z
    .string()
    .regex(/^(city|district-\d{3}|ward-\d{5}|department-[a-z0-9][a-z0-9-]{0,63})$/, 'city, district-<code>, ward-<code> or department-<id>')
    .describe('city | district-<code> | ward-<code> | department-<id>'),
  from: Day.optional(),
  to: Day.optional(),
  granularity: z.enum(['day', 'month', 'total']).default('day'),
  category: z.string().max(64).optional(),
});

const rate = z.number().min(0).max(1).nullable();
export const MetricRow = z
  .object({
    received: z.number().int(),
    processed: z.number().int(),
    responded: z.number().int(),
    rejected: z.number().int(),
    onTime: z.number().int(),
    overdue: z.number().int(),
    rated: z.number().int(),
    satisfied: z.number().int(),
    acceptable: z.number().int(),
    notSatisfied: z.number().int(),
    reopened: z.number().int(),
    followers: z.number().int().describe('Net follows ("me too") of the tickets received in the period, merged duplicates included'),
    duplicates: z.number().int().describe('Tickets rejected as duplicates of another'),
    responseRate: rate.describe('processed / received'),
    onTimeRate: rate.describe('processed on time / processed'),
    satisfactionRate: rate.describe('(satisfied + acceptable) / rated'),
    medianResponseHours: z.number().nullable(),
    p90ResponseHours: z.number().nullable(),
  })
  .meta({ id: 'MetricRow' });

export const MetricsReport = z
  .object({
    scope: z.string(),
    from: z.string(),
    to: z.string(),
    granularity: z.enum(['day', 'month', 'total']),
    category: z.string().nullable(),
    series: z.array(MetricRow.extend({ period: z.string() })),
    totals: MetricRow,
  })
  .meta({ id: 'MetricsReport' });

export const RankingQuery = z.strictObject({
  by: z.literal('department').default('department'),
  metric: z.enum(rankingMetrics).default('responseRate'),
  from: Day.optional(),
  to: Day.optional(),
  minSample: intParam({ min: 1, max: 100_000 }).default(20),
});

const RankingEntry = MetricRow.extend({ rank: z.number().int().optional(), departmentId: z.string() });
export const Ranking = z
  .object({ from: z.string(), to: z.string(), metric: z.enum(rankingMetrics), minSample: z.number().int(), ranked: z.array(RankingEntry), belowMinSample: z.array(RankingEntry) })
  .meta({ id: 'Ranking' });

export const ScorecardsQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });
export const Scorecards = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        departmentId: z.string(),
        received: z.number().int(),
        processed: z.number().int(),
        responseRate: rate,
        onTimeRate: rate,
        satisfactionRate: rate,
        medianResponseHours: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Scorecards' });
