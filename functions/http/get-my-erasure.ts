import { erasureStatus } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { erasureView } from '../../shared/http/personal-data-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Erasure, ErasureIdParams } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'getMyErasure',
  { params: ErasureIdParams, responses: { 200: { description: 'pending, or done with when it finished', schema: Erasure } } },
  async ({ params, principal }) => json(200, erasureView(await erasureStatus(dependencies, principal, params.id))),
);
