import { dependencies } from '../../shared/adapters/dependencies.js';
import { NotFoundError } from '../../shared/domain/errors.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Problem } from '../../shared/schemas/common.js';
import { PrivacyNotice } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'getPrivacyNotice',
  {
    responses: {
      200: { description: 'The notice in force', schema: PrivacyNotice },
      404: { description: 'No notice is configured: submissions need no consentVersion', schema: Problem, contentType: 'application/problem+json' },
    },
  },
  async () => {
    const notice = await dependencies.personalData.privacyNotice();
    if (!notice) throw new NotFoundError('No privacy notice is configured.');
    return json(200, notice);
  },
);
