import { exportMyData } from '../../shared/app/export-my-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { PersonalDataExport } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'exportMyData',
  { responses: { 200: { description: 'Everything stored about the caller (docs/privacy.md describes each field)', schema: PersonalDataExport } } },
  async ({ principal }) => json(200, await exportMyData(dependencies, principal), { 'content-disposition': 'attachment; filename="civic-feedback-export.json"', 'cache-control': 'no-store' }),
);
