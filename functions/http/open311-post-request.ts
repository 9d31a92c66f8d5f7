import { fileRequest } from '../../shared/app/open311.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { Open311Error, parseResource } from '../../shared/domain/open311.js';
import { listBody } from '../../shared/http/open311/format.js';
import { FileParams, Open311ErrorList, open311ErrorResponses, open311Route } from '../../shared/http/open311/route.js';
import { IdempotencyHeaders } from '../../shared/schemas/ticket.js';
import { Open311Filed, Open311SubmitForm } from '../../shared/schemas/open311.js';

export const handler = open311Route(
  'open311PostRequest',
  {
    params: FileParams,
    headers: IdempotencyHeaders,
    body: Open311SubmitForm,
    bodyContentType: 'application/x-www-form-urlencoded',
    responses: {
      201: { description: 'Filed and routed at once: `[{service_request_id, service_notice}]`', schema: Open311Filed },
      403: { description: 'Invalid or revoked api_key', schema: Open311ErrorList, contentType: 'application/json' },
      429: { description: "Over the key's rate limit", schema: Open311ErrorList, contentType: 'application/json' },
      ...open311ErrorResponses,
    },
  },
  async ({ file, format, form, event }) => {
    if (parseResource(file)?.name !== 'requests') throw new Open311Error(404, `Requests are filed at requests.json or requests.xml, not "${file}".`);
    const { answer } = await fileRequest(deps, form, event.headers?.['idempotency-key']);
    return listBody('requests', [answer], format, 201);
  },
);
