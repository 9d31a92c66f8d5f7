import { getHolidays } from '../../shared/app/calendar-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Holidays, YearParams } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'getHolidays',
  { params: YearParams, responses: { 200: { description: 'The year’s holidays (empty when none were set)', schema: Holidays } } },
  async ({ params }) => json(200, await getHolidays(dependencies, params.year)),
);
