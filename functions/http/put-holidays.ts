import { putHolidays } from '../../shared/app/calendar-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Holidays, HolidaysBody, YearParams } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'putHolidays',
  { params: YearParams, body: HolidaysBody, responses: { 200: { description: 'The holidays as stored (sorted, without duplicates)', schema: Holidays } } },
  async ({ params, body }) => json(200, await putHolidays(dependencies, params.year, body.dates)),
);
