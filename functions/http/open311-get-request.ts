import { checkJurisdiction, getRequest } from '../../shared/app/open311.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { Open311Error, parseResource } from '../../shared/domain/open311.js';
import { listBody } from '../../shared/http/open311/format.js';
import { FileParams, open311ErrorResponses, open311Route } from '../../shared/http/open311/route.js';
import { Open311RequestQuery, Open311ServiceRequest } from '../../shared/schemas/open311.js';
import * as z from 'zod';

export const handler = open311Route(
  'open311GetRequest',
  {
    params: FileParams,
    query: Open311RequestQuery,
    responses: { 200: { description: 'The request, in a list of one (as the spec shapes it)', schema: z.array(Open311ServiceRequest) }, ...open311ErrorResponses },
  },
  async ({ file, format, query }) => {
    checkJurisdiction(query.jurisdiction_id);
    const id = parseResource(file)?.name;
    if (!id) throw new Open311Error(404, `No service request "${file}": use <service_request_id>.json or .xml.`);
    return listBody('requests', [await getRequest(deps, id, { locale: query.locale, extensions: query.extensions === 'true' })], format);
  },
);
