import { checkJurisdiction, serviceDefinition } from '../../shared/app/open311.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { Open311Error, parseResource } from '../../shared/domain/open311.js';
import { objectBody } from '../../shared/http/open311/format.js';
import { FileParams, open311ErrorResponses, open311Route } from '../../shared/http/open311/route.js';
import { Open311Query, Open311ServiceDefinition } from '../../shared/schemas/open311.js';

export const handler = open311Route(
  'open311GetService',
  {
    params: FileParams,
    query: Open311Query,
    responses: { 200: { description: 'The attributes to send: ward_code (required) and urgent', schema: Open311ServiceDefinition }, ...open311ErrorResponses },
  },
  async ({ file, format, query }) => {
    checkJurisdiction(query.jurisdiction_id);
    const code = parseResource(file)?.name;
    if (!code) throw new Open311Error(404, `No service definition "${file}": use <service_code>.json or .xml.`);
    return objectBody('service_definition', await serviceDefinition(deps, code, query.locale), format);
  },
);
