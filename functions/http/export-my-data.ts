import { exportMyData } from '../../shared/app/export-my-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { myDataView } from '../../shared/http/personal-data-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { PersonalDataExport } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'exportMyData',
  { responses: { 200: { description: 'Everything stored about the caller (Content-Disposition: a file to keep)', schema: PersonalDataExport } } },
  async ({ principal }) => {
    const [data, notice] = await Promise.all([exportMyData(dependencies, principal), dependencies.personalData.privacyNotice()]);
    return json(200, await myDataView(data, notice, principal, dependencies.media), { 'content-disposition': `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"` });
  },
);
