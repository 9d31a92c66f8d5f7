/** The discovery document: where this endpoint lives and what it speaks. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { OPEN311_SPECIFICATION, type Open311Record } from '../../domain/open311.js';

/** When this implementation of the endpoint last changed what it serves. */
const CHANGESET = '2026-12-02T00:00:00+07:00';

export function discoveryOf(event: APIGatewayProxyEventV2): Open311Record {
  // API Gateway adds x-forwarded-proto (https); the local runtime serves plain http.
  const proto = event.headers?.['x-forwarded-proto']?.split(',')[0]?.trim() || 'http';
  const url = `${proto}://${event.requestContext.domainName}/open311/v2/`;
  return {
    changeset: CHANGESET,
    contact: 'civic-feedback Open311 GeoReport v2 endpoint; the city administration issues api_keys.',
    key_service: 'Ask the city administration (an admin of civic-feedback) for an Open311 client and its api_key.',
    endpoints: [{ specification: OPEN311_SPECIFICATION, url, changeset: CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] }],
  };
}
