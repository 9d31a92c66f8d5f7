import { revokeClient } from '../../shared/app/open311-clients.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { httpRoute } from '../../shared/http/route-handler.js';
import { ClientParams } from '../../shared/schemas/open311.js';

export const handler = httpRoute('deleteOpen311Client', { params: ClientParams, responses: { 204: { description: 'Revoked (idempotent)' } } }, async ({ params }) => {
  await revokeClient(deps, params.id);
  return { status: 204 };
});
