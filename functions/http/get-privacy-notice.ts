import { privacyNotice } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Problem } from '../../shared/schemas/common.js';
import { PrivacyNotice } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'getPrivacyNotice',
  { responses: { 200: { description: 'The current notice', schema: PrivacyNotice }, 404: { description: 'None is published yet', schema: Problem, contentType: 'application/problem+json' } } },
  async () => json(200, await privacyNotice(dependencies)),
);
