import { requestErasure } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { erasureView } from '../../shared/http/personal-data-views.js';
import { Erasure } from '../../shared/schemas/personal-data.js';

export const handler = httpRoute(
  'eraseMe',
  { responses: { 202: { description: 'Accepted: erased within minutes; every later request returns the same erasure', schema: Erasure } } },
  async ({ principal }) => {
    const record = await requestErasure(dependencies, principal);
    return json(202, erasureView(record), { location: `/v1/me/erasure/${record.id}` });
  },
);
