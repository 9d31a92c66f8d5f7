import { checkJurisdiction, listRequests, listServices } from '../../shared/app/open311.js';
import { open311Dependencies as deps } from '../../shared/adapters/open311-dependencies.js';
import { Open311Error, parseResource } from '../../shared/domain/open311.js';
import { listBody, objectBody } from '../../shared/http/open311/format.js';
import { discoveryOf } from '../../shared/http/open311/discovery.js';
import { FileParams, open311ErrorResponses, open311Route } from '../../shared/http/open311/route.js';
import { Open311Discovery, Open311RequestsQuery, Open311Service, Open311ServiceRequest } from '../../shared/schemas/open311.js';
import * as z from 'zod';

export const handler = open311Route(
  'open311GetResource',
  {
    params: FileParams,
    query: Open311RequestsQuery,
    responses: {
      200: {
        description: '`discovery`: the endpoint; `services`: our categories; `requests`: service requests, newest first, filtered (≤ 90 days) and paged',
        schema: z.union([Open311Discovery, z.array(Open311Service), z.array(Open311ServiceRequest)]),
      },
      ...open311ErrorResponses,
    },
  },
  async ({ file, format, query, event }) => {
    checkJurisdiction(query.jurisdiction_id);
    switch (parseResource(file)?.name) {
      case 'discovery':
        return objectBody('discovery', discoveryOf(event), format);
      case 'services':
        return listBody('services', await listServices(deps, query.locale), format);
      case 'requests':
        return listBody(
          'requests',
          await listRequests(deps, {
            locale: query.locale,
            extensions: query.extensions === 'true',
            serviceRequestIds: query.service_request_id,
            serviceCode: query.service_code,
            start: query.start_date,
            end: query.end_date,
            status: query.status,
            page: query.page,
            pageSize: query.page_size,
          }),
          format,
        );
      default:
        throw new Open311Error(404, `No Open311 resource "${file}": try discovery, services or requests with .json or .xml.`);
    }
  },
);
