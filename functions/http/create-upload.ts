import { requestUpload } from '../../shared/app/uploads.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { CreateUploadBody, UploadGrant } from '../../shared/schemas/upload.js';

export const handler = httpRoute(
  'createUpload',
  { body: CreateUploadBody, responses: { 201: { description: 'A presigned POST for one file, valid 5 minutes', schema: UploadGrant } } },
  async ({ body, principal }) => {
    const grant = await requestUpload(dependencies, principal, body);
    return json(201, grant, { location: `/v1/uploads/${grant.id}` });
  },
);
