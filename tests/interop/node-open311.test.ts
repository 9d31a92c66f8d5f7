/**
 * The one Open311 client on npm (codeforamerica/node-open311, package `open311`) against the
 * local runtime, in JSON mode (its XML parsers are stubbed: see package.json overrides).
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { schemaErrors } from './georeport-schemas.js';
import { createClient } from './open311-fixture.js';

const Open311 = createRequire(import.meta.url)('open311') as new (options: Record<string, unknown>) => Record<string, (...args: any[]) => void>;

const api = useTestApi();
let client: Record<string, (...args: any[]) => void>;

/** node-open311 calls back (error, data); a truthy error fails the promise. */
function call<T = any>(method: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => client[method]!(...args, (error: unknown, data: T) => (error ? reject(new Error(`${method}: ${String(error)} ${String(data)}`)) : resolve(data))));
}

beforeAll(async () => {
  const { key } = await createClient(api, 'node-open311');
  client = new Open311({ endpoint: `${api.url}/open311/v2/`, apiKey: key, jurisdiction: '01', format: 'json' });
});

describe('node-open311 (JSON)', () => {
  it('discovers the endpoint', async () => {
    const discovery = new Open311({ discovery: `${api.url}/open311/v2/discovery.json` });
    const data = await new Promise<any>((ok, fail) => discovery.serviceDiscovery!({ cache: true }, (e: unknown, d: unknown) => (e ? fail(e) : ok(d))));
    expect(data.endpoints[0].url).toBe(`${api.url}/open311/v2/`);
    expect((discovery as unknown as { endpoint: string }).endpoint).toBe(`${api.url}/open311/v2/`);
  });

  it('lists services and reads a service definition', async () => {
    const services = await call('serviceList');
    expect(schemaErrors('services', services)).toEqual([]);
    expect(services.map((s: { service_code: string }) => s.service_code)).toContain('environment');
    const definition = await call('serviceDefinition', 'environment');
    expect(schemaErrors('service-definition', definition)).toEqual([]);
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(['ward_code', 'urgent']);
  });

  // A list without ids reads every day of its window (90 by default), each day's 33 gsi4
  // partitions: about 1.5 s on an idle DynamoDB Local, several times that beside other files.
  it('submits a request, looks up its token, reads it by id and by list', async () => {
    const submitted = await call('submitRequest', {
      service_code: 'environment',
      lat: 21.0285,
      long: 105.8542,
      address_string: '5 Phúc Xá',
      description: 'Rác thải tồn đọng nhiều ngày ở đầu ngõ',
      email: 'hoa@example.org',
      first_name: 'Hoa',
      attributes: { ward_code: '00001' },
    });
    expect(submitted).toEqual([{ service_request_id: expect.any(String), service_notice: expect.any(String) }]);
    const id = submitted[0].service_request_id as string;

    const token = await call('token', id);
    expect(token).toEqual([{ service_request_id: id, token: id }]);

    const one = await call('serviceRequests', id);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'environment', agency_responsible: expect.any(String) });
    // node-open311 turns the times into Dates: they must parse.
    expect(Number.isNaN(one[0].requested_datetime.getTime())).toBe(false);
    expect(Number.isNaN(one[0].expected_datetime.getTime())).toBe(false);

    const second = (await call('submitRequest', { service_code: 'environment', address_string: '7 Phúc Xá', description: 'Cống thoát nước bốc mùi hôi thối', attributes: { ward_code: '00001' } }))[0].service_request_id;
    const list = await call('serviceRequests', [id, second]);
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id, second]);

    // A window of today, as a client polling for new requests asks: the default 90 days are
    // open311.test.ts's (each empty day costs 33 queries, too slow beside the other files).
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const filtered = await call('serviceRequests', { service_code: 'environment', status: 'open', start_date: since });
    expect(filtered.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([second, id]);
  }, 60_000);

  it('reports a bad key as the failure it is', async () => {
    const stranger = new Open311({ endpoint: `${api.url}/open311/v2/`, apiKey: 'node-open311.not-the-key', format: 'json' });
    const error = await new Promise((ok) => stranger.submitRequest!({ service_code: 'environment', address_string: 'x', description: 'Rác thải tồn đọng', attributes: { ward_code: '00001' } }, (e: unknown) => ok(e)));
    expect(error).toBe(403);
  });
});
