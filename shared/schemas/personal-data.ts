/** The personal-data routes' schemas (docs/privacy.md). */
import * as z from 'zod';

export const PrivacyNotice = z
  .object({
    version: z.string().describe('What POST /v1/tickets must send as consentVersion'),
    text: z.object({ vi: z.string(), en: z.string() }),
    publishedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'PrivacyNotice' });
