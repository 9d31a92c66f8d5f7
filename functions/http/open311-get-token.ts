import { checkJurisdiction, lookUpToken } from '../../shared/app/open311.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { Open311Error, parseResource } from '../../shared/domain/open311.js';
import { listBody } from '../../shared/http/open311/format.js';
import { FileParams, open311ErrorResponses, open311Route } from '../../shared/http/open311/route.js';
import { Open311Query, Open311Token } from '../../shared/schemas/open311.js';

export const handler = open311Route(
  'open311GetToken',
  {
    params: FileParams,
    query: Open311Query,
    responses: { 200: { description: '`[{service_request_id, token}]`: requests are routed at once, so a token is the id itself', schema: Open311Token }, ...open311ErrorResponses },
  },
  async ({ file, format, query }) => {
    checkJurisdiction(query.jurisdiction_id);
    const token = parseResource(file)?.name;
    if (!token) throw new Open311Error(404, `No token "${file}": use <token>.json or .xml.`);
    return listBody('requests', [await lookUpToken(deps, token)], format);
  },
);
