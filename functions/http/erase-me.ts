import { requestErasure } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { erasureView } from '../../shared/http/personal-data-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Erasure } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'eraseMe',
  { responses: { 202: { description: 'Accepted: the erasure runs within minutes; asking again returns the same one', schema: Erasure } } },
  async ({ principal }) => {
    const erasure = await requestErasure(dependencies, principal);
    return json(202, erasureView(erasure), { location: `/v1/me/erasure/${erasure.id}` });
  },
);
