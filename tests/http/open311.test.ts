import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { schemaErrors } from '../interop/georeport-schemas.js';
import { createClient, form } from '../interop/open311-fixture.js';

const api = useTestApi();
let key: string;
let admin: string;

const filing = (over: Record<string, string> = {}) => ({
  service_code: 'health',
  'attribute[ward_code]': '00001',
  lat: '21.0285',
  long: '105.8542',
  address_string: '12 Phúc Xá',
  description: 'Quầy thực phẩm bán hàng hết hạn sử dụng',
  first_name: 'Lan',
  last_name: 'Nguyễn',
  email: 'lan@example.org',
  phone: '+84900000099',
  ...over,
});

async function file(over: Record<string, string> = {}, apiKey = key) {
  return api.request('POST', '/open311/v2/requests.json', form({ api_key: apiKey, ...filing(over) }));
}

beforeAll(async () => {
  ({ key, admin } = await createClient(api, 'city-app'));
});

describe('Open311 services', () => {
  it('lists active categories as services, in Vietnamese or English, valid against the GeoReport schema', async () => {
    const vi = await api.request('GET', '/open311/v2/services.json');
    expect(vi.status).toBe(200);
    expect(vi.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(schemaErrors('services', vi.body)).toEqual([]);
    expect(vi.body).toContainEqual(expect.objectContaining({ service_code: 'roads_traffic', service_name: 'Giao thông, đường sá', metadata: true, type: 'realtime', group: 'Hạ tầng' }));
    const en = await api.request('GET', '/open311/v2/services.json?locale=en');
    expect(en.body).toContainEqual(expect.objectContaining({ service_code: 'roads_traffic', service_name: 'Roads and traffic', group: 'Infrastructure', keywords: expect.stringContaining('pothole') }));
  });

  it("declares ward_code (required, the province's wards) and urgent in each service definition", async () => {
    const res = await api.request('GET', '/open311/v2/services/health.json');
    expect(res.status).toBe(200);
    expect(schemaErrors('service-definition', res.body)).toEqual([]);
    const [ward, urgent] = res.body.attributes;
    expect(ward).toMatchObject({ code: 'ward_code', datatype: 'singlevaluelist', required: true, variable: true });
    expect(ward.values).toContainEqual({ key: '00001', name: 'Phường Phúc Xá' });
    expect(ward.values.every((v: { key: string }) => /^\d{5}$/.test(v.key))).toBe(true);
    expect(urgent).toMatchObject({ code: 'urgent', datatype: 'singlevaluelist', required: false });
  });

  it('answers an unknown service code or resource with an Open311 404, never a problem document', async () => {
    for (const path of ['/open311/v2/services/unicorns.json', '/open311/v2/nothing.json', '/open311/v2/services.html', '/open311/v2/requests/01ARZ3NDEKTSV4RRFFQ69G5FAV.json', '/open311/v2/tokens/nope.json']) {
      const res = await api.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toEqual([{ code: 404, description: expect.any(String) }]);
    }
  });

  it('refuses a jurisdiction it does not serve', async () => {
    const res = await api.request('GET', '/open311/v2/services.json?jurisdiction_id=79');
    expect(res.status).toBe(404);
    expect((await api.request('GET', '/open311/v2/services.json?jurisdiction_id=01')).status).toBe(200);
  });

  it('serves discovery with this endpoint and both formats', async () => {
    const res = await api.request('GET', '/open311/v2/discovery.json');
    expect(res.status).toBe(200);
    expect(res.body.endpoints).toEqual([expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${api.url}/open311/v2/`, formats: ['application/json', 'text/xml'] })]);
  });
});

describe('Open311 POST requests', () => {
  it('files a citizen ticket of the client principal, routed at once into the unit queue, contact details kept private', async () => {
    const res = await file();
    expect(res.status).toBe(201);
    expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^[0-9A-Z]{26}$/), service_notice: expect.any(String) }]);
    const id = res.body[0].service_request_id;

    const staffAdmin = await api.request('GET', `/v1/tickets/${id}`, { token: admin });
    expect(staffAdmin.body).toMatchObject({ citizenId: 'open311:city-app', category: 'health', status: 'assigned', citizenName: 'Lan Nguyễn', citizenPhone: '+84900000099', citizenEmail: 'lan@example.org', location: { wardCode: '00001', lat: 21.0285, lng: 105.8542, address: '12 Phúc Xá' } });
    const staff = await api.token({ sub: 'staff-1', groups: ['staff'], departmentId: staffAdmin.body.departmentId });
    const queue = await api.request('GET', `/v1/departments/${staffAdmin.body.departmentId}/tickets`, { token: staff });
    expect(queue.body.items.map((t: { id: string }) => t.id)).toContain(id);
    const manager = await api.token({ sub: 'm-1', groups: ['manager'], scope: 'city' });
    const managed = await api.request('GET', `/v1/tickets/${id}`, { token: manager });
    expect(managed.status).toBe(200);
    for (const field of ['citizenName', 'citizenPhone', 'citizenEmail']) expect(managed.body).not.toHaveProperty(field);

    const read = await api.request('GET', `/open311/v2/requests/${id}.json`);
    expect(read.status).toBe(200);
    expect(schemaErrors('requests', read.body)).toEqual([]);
    const text = JSON.stringify(read.body);
    for (const secret of ['Lan', 'lan@example.org', '84900000099', 'open311:city-app']) expect(text).not.toContain(secret);
  });

  it('maps attribute[urgent] to the urgent severity', async () => {
    const res = await file({ 'attribute[urgent]': 'true' });
    const ticket = await api.request('GET', `/v1/tickets/${res.body[0].service_request_id}`, { token: admin });
    expect(ticket.body.severity).toBe('urgent');
  });

  it('needs a valid, unrevoked key: 400 without one, 403 with a bad or revoked one', async () => {
    const none = await api.request('POST', '/open311/v2/requests.json', form(filing()));
    expect(none.status).toBe(400);
    expect(none.body).toEqual([{ code: 400, description: expect.stringContaining('api_key') }]);
    for (const bad of ['nope', 'city-app.wrong', `${key}x`, 'other.' + key.split('.')[1]]) {
      const res = await file({}, bad);
      expect(res.status, bad).toBe(403);
      expect(res.body).toEqual([{ code: 403, description: 'Invalid api_key.' }]);
    }
    const { key: doomed } = await createClient(api, 'doomed');
    expect((await file({}, doomed)).status).toBe(201);
    expect((await api.request('DELETE', '/v1/open311-clients/doomed', { token: admin })).status).toBe(204);
    expect((await api.request('DELETE', '/v1/open311-clients/doomed', { token: admin })).status).toBe(204);
    expect((await file({}, doomed)).status).toBe(403);
    expect((await api.request('DELETE', '/v1/open311-clients/never', { token: admin })).status).toBe(404);
  });

  it('replacing a client issues a new key once and retires the old one; keys are stored hashed', async () => {
    const first = await createClient(api, 'rotating');
    const second = await createClient(api, 'rotating', { name: 'Rotating client' });
    expect(second.res.status).toBe(200);
    expect(second.key).not.toBe(first.key);
    expect((await file({}, first.key)).status).toBe(403);
    expect((await file({}, second.key)).status).toBe(201);
    const { documentClient } = await import('../../shared/adapters/dynamodb/client.js');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { tableName } = await import('../../shared/adapters/dynamodb/table.js');
    const item = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: 'OPEN311CLIENT#rotating', sk: 'CLIENT' } }))).Item!;
    expect(JSON.stringify(item)).not.toContain(second.key.split('.')[1]);
    expect(item.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('only admins manage clients', async () => {
    const staff = await api.token({ sub: 's', groups: ['staff'], departmentId: 'x' });
    expect((await api.request('PUT', '/v1/open311-clients/x', { token: staff, body: { name: 'x' } })).status).toBe(403);
    expect((await api.request('PUT', '/v1/open311-clients/x', { body: { name: 'x' } })).status).toBe(401);
  });

  it('rate-limits filing per key with an Open311 429', async () => {
    const { key: small } = await createClient(api, 'small', { name: 'Small', rateLimitPerMinute: 2 });
    const results = await Promise.all([1, 2, 3, 4].map(() => file({}, small)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 429, 429]);
    expect(results.find((r) => r.status === 429)!.body).toEqual([{ code: 429, description: expect.stringContaining('2 per minute') }]);
    expect((await file()).status).toBe(201);
  });

  it('answers bad input with one 400 naming the Open311 field', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ service_code: 'unicorns' }, 'service_code'],
      [{ 'attribute[ward_code]': '99999' }, 'attribute[ward_code]'],
      [{ 'attribute[ward_code]': '' }, 'attribute[ward_code]'],
      [{ description: 'short' }, 'description'],
      [{ lat: '123' }, 'lat'],
      [{ lat: '', long: '', address_string: '' }, 'location'],
      [{ email: 'not-an-email' }, 'email'],
      [{ status: 'closed' }, 'status'],
      [{ 'attribute[urgent]': 'maybe' }, 'attribute[urgent]'],
    ];
    for (const [over, field] of cases) {
      const res = await file(over);
      expect(res.status, field).toBe(400);
      expect(res.body, field).toEqual([{ code: 400, description: expect.stringContaining(field) }]);
    }
    const json = await api.request('POST', '/open311/v2/requests.json', { body: { api_key: key, ...filing() } });
    expect(json.status).toBe(400);
    expect((await api.request('POST', '/open311/v2/services.json', form({ api_key: key, ...filing() }))).status).toBe(404);
  });

  it('takes lat and long only as plain decimal numbers in range, else 400 in Open311 form (JSON and XML)', async () => {
    const { key: own } = await createClient(api, 'strict-coords', { name: 'Strict coordinates', rateLimitPerMinute: 600 });
    for (const field of ['lat', 'long']) {
      for (const bad of [' ', '  21', '21 ', '0x10', '1e2', '2.1e1', '+21', 'Infinity', 'NaN', '21,03', '21.', '.5', '021', '٢١', '-', ...(field === 'lat' ? ['91', '-90.0001'] : ['181', '-180.5'])]) {
        const res = await file({ [field]: bad }, own);
        expect(res.status, `${field}=${JSON.stringify(bad)}`).toBe(400);
        expect(res.body, `${field}=${JSON.stringify(bad)}`).toEqual([{ code: 400, description: expect.stringContaining(field) }]);
      }
    }
    const xml = await api.request('POST', '/open311/v2/requests.xml', form({ api_key: own, ...filing({ lat: '0x10' }) }));
    expect(xml.status).toBe(400);
    expect(xml.body).toContain('<code>400</code>');
    for (const [lat, long] of [['21', '105'], ['-0.5', '-179.999999'], ['21.028511', '105.854200']] as const) {
      expect((await file({ lat, long }, own)).status, `${lat},${long}`).toBe(201);
    }
  });

  it('ignores attributes it did not declare (other servers send their own)', async () => {
    expect((await file({ 'attribute[fixmystreet_id]': '42', 'attribute[title]': 'x' })).status).toBe(201);
  });
});

describe('Open311 GET requests', () => {
  let publicId: string;
  let privateId: string;

  beforeAll(async () => {
    const staffAdmin = await api.token({ sub: 'alice', groups: ['citizen'] });
    const pub = await api.request('POST', '/v1/tickets', {
      token: staffAdmin,
      body: { category: 'education', description: 'Trường học thiếu đèn chiếu sáng lớp học', visibility: 'public', location: { wardCode: '00001', lat: 21.03, lng: 105.85, address: '1 Phúc Xá' } },
    });
    publicId = pub.body.id;
    privateId = (await file({ service_code: 'education' })).body[0].service_request_id;
  });

  it('shows place and text only for public tickets; times carry +07:00', async () => {
    const res = await api.request('GET', `/open311/v2/requests.json?service_request_id=${publicId},${privateId},NOTANID`);
    expect(res.status).toBe(200);
    expect(schemaErrors('requests', res.body)).toEqual([]);
    expect(res.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([publicId, privateId]);
    const [pub, priv] = res.body;
    expect(pub).toMatchObject({ status: 'open', service_code: 'education', lat: 21.03, long: 105.85, address: '1 Phúc Xá', description: expect.stringContaining('Trường học'), agency_responsible: expect.any(String) });
    expect(pub.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
    expect(pub.expected_datetime).toMatch(/\+07:00$/);
    for (const field of ['lat', 'long', 'address', 'media_url']) expect(priv).not.toHaveProperty(field);
    expect(priv.description).toBeNull();
  });

  // A list without ids reads every day of its window (90 by default), each day's 33 gsi4
  // partitions: about 1.5 s on an idle DynamoDB Local, several times that beside other files.
  it('filters by service_code, status and dates, and pages with page/page_size', async () => {
    const all = await api.request('GET', '/open311/v2/requests.json?service_code=education');
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([privateId, publicId]);
    const page2 = await api.request('GET', '/open311/v2/requests.json?service_code=education&page_size=1&page=2');
    expect(page2.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([publicId]);
    expect((await api.request('GET', '/open311/v2/requests.json?service_code=education&status=closed')).body).toEqual([]);
    expect((await api.request('GET', '/open311/v2/requests.json?service_code=education&status=open')).body).toHaveLength(2);
    expect((await api.request('GET', '/open311/v2/requests.json?service_code=education&end_date=2020-01-01')).body).toEqual([]);
    const every = await api.request('GET', '/open311/v2/requests.json');
    expect(schemaErrors('requests', every.body)).toEqual([]);
    expect(every.body.length).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('rejects windows over 90 days, reversed windows and bad arguments with 400', async () => {
    for (const q of ['start_date=2026-01-01&end_date=2026-06-01', 'start_date=2026-06-01&end_date=2026-01-01', 'status=pending', 'page_size=101', 'page=0', 'page=21&page_size=50', 'start_date=yesterday']) {
      const res = await api.request('GET', `/open311/v2/requests.json?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body[0].code, q).toBe(400);
    }
  });

  it('adds extended_attributes with extensions=true', async () => {
    const res = await api.request('GET', `/open311/v2/requests/${publicId}.json?extensions=true`);
    expect(res.body[0].extended_attributes).toEqual({ status: 'assigned', reference: expect.any(String), ward_code: '00001', rating: null });
    expect((await api.request('GET', `/open311/v2/requests/${publicId}.json`)).body[0]).not.toHaveProperty('extended_attributes');
  });

  it('looks up a token: the id we routed at once', async () => {
    const res = await api.request('GET', `/open311/v2/tokens/${privateId}.json`);
    expect(res.body).toEqual([{ service_request_id: privateId, token: privateId }]);
  });

  it('follows a request to closed, with the answer as status_notes', async () => {
    const [filed] = (await file({ service_code: 'health' })).body;
    const id = filed.service_request_id;
    const ticket = (await api.request('GET', `/v1/tickets/${id}`, { token: admin })).body;
    const staff = await api.token({ sub: 'staff-2', groups: ['staff'], departmentId: ticket.departmentId });
    const act = (body: Record<string, unknown>, v: number) => api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body: { ...body, expectedVersion: v } });
    expect((await act({ action: 'acknowledge' }, 1)).status).toBe(200);
    expect((await act({ action: 'respond', message: 'Đã kiểm tra và xử phạt cửa hàng vi phạm.' }, 2)).status).toBe(200);
    const answered = (await api.request('GET', `/open311/v2/requests/${id}.json`)).body[0];
    expect(answered).toMatchObject({ status: 'closed', status_notes: 'Đã kiểm tra và xử phạt cửa hàng vi phạm.' });
    expect((await act({ action: 'close' }, 3)).status).toBe(200);
    const closed = await api.request('GET', `/open311/v2/requests/${id}.json?extensions=true`);
    expect(closed.body[0]).toMatchObject({ status: 'closed', extended_attributes: { status: 'closed' } });
    expect(schemaErrors('requests', closed.body)).toEqual([]);
  });
});
