import { putClient } from '../../shared/app/open311-clients.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ClientBody, ClientParams, ClientWithKey } from '../../shared/schemas/open311.js';

export const handler = httpRoute(
  'putOpen311Client',
  {
    params: ClientParams,
    body: ClientBody,
    responses: {
      201: { description: 'Created, with its api_key (shown only here)', schema: ClientWithKey },
      200: { description: 'Replaced, with a new api_key (the previous one stops working)', schema: ClientWithKey },
    },
  },
  async ({ params, body }) => {
    const { client, key, created } = await putClient(deps, params.id, body);
    return json(created ? 201 : 200, { ...client, apiKey: key }, { 'cache-control': 'no-store' });
  },
);
