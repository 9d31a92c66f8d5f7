import { getUpload } from '../../shared/app/uploads.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { UploadIdParams, UploadView } from '../../shared/schemas/upload.js';

export const handler = httpRoute(
  'getUpload',
  { params: UploadIdParams, responses: { 200: { description: "The upload's state; the uploader only", schema: UploadView } } },
  async ({ params, principal }) => json(200, await getUpload(dependencies, principal, params.id)),
);
