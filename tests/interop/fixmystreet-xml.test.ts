/**
 * XML in the shape FixMyStreet's Open311 client (perllib/Open311.pm) speaks: form POSTs to
 * `requests.xml`, XML answers it reads element by element, and `<errors>` on failure.
 */
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { createClient, form } from './open311-fixture.js';

const api = useTestApi();
// As FixMyStreet's XML::Simple reads them: repeated elements are lists, text stays text.
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'attribute', 'value', 'error', 'endpoint', 'format'].includes(name), parseTagValue: false });
let key: string;

/** What FixMyStreet sends for a new report (send_service_request). */
const fmsReport = (apiKey: string) => ({
  api_key: apiKey,
  service_code: 'water_drainage',
  lat: '21.0285',
  long: '105.8542',
  address_string: 'Ngõ 12 Phúc Xá, Ba Đình',
  email: 'reporter@example.org',
  first_name: 'Minh',
  last_name: 'Trần',
  phone: '0912345678',
  description: 'Nắp cống bị vỡ: Nắp cống giữa ngõ bị vỡ, rất nguy hiểm cho xe máy',
  media_url: 'https://fixmystreet.example/photo/42.jpeg',
  'attribute[ward_code]': '00001',
  'attribute[fixmystreet_id]': '42',
  'attribute[title]': 'Nắp cống bị vỡ',
  'attribute[report_url]': 'https://fixmystreet.example/report/42',
  'attribute[closest_address]': 'Phúc Xá',
});

beforeAll(async () => {
  ({ key } = await createClient(api, 'fixmystreet'));
});

describe('Open311 XML as FixMyStreet uses it', () => {
  it('serves the service list and a definition as text/xml', async () => {
    const list = await api.request('GET', '/open311/v2/services.xml?jurisdiction_id=01');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const services = xml.parse(list.body).services.service;
    expect(services).toContainEqual(expect.objectContaining({ service_code: 'water_drainage', service_name: 'Cấp, thoát nước', metadata: 'true', type: 'realtime' }));

    const def = xml.parse((await api.request('GET', '/open311/v2/services/water_drainage.xml')).body).service_definition;
    expect(def.service_code).toBe('water_drainage');
    const ward = def.attributes.attribute.find((a: { code: string }) => a.code === 'ward_code');
    expect(ward).toMatchObject({ variable: 'true', datatype: 'singlevaluelist', required: 'true', order: '1' });
    expect(ward.values.value).toContainEqual({ key: '00001', name: 'Phường Phúc Xá' });
  });

  it('files a report from a form POST and answers <service_requests><request><service_request_id>', async () => {
    const res = await api.request('POST', '/open311/v2/requests.xml', form(fmsReport(key)));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>[0-9A-Z]{26}<\/service_request_id>/);
    const [request] = xml.parse(res.body).service_requests.request;
    const id = request.service_request_id;

    const read = await api.request('GET', `/open311/v2/requests/${id}.xml`);
    const [shown] = xml.parse(read.body).service_requests.request;
    expect(shown).toMatchObject({ service_request_id: id, status: 'open', service_code: 'water_drainage', status_notes: '', description: '' });
    expect(shown.requested_datetime).toMatch(/\+07:00$/);
    // A private ticket: no place, and never the reporter.
    expect(shown).not.toHaveProperty('lat');
    expect(shown).not.toHaveProperty('address');
    for (const secret of ['Minh', 'reporter@example.org', '0912345678']) expect(read.body).not.toContain(secret);

    const window = await api.request('GET', `/open311/v2/requests.xml?start_date=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&end_date=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&extensions=true`);
    const listed = xml.parse(window.body).service_requests.request;
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    expect(listed.find((r: { service_request_id: string }) => r.service_request_id === id).extended_attributes).toMatchObject({ status: 'assigned', ward_code: '00001', rating: '' });
  });

  it('answers failures as <errors><error><code/><description/></error></errors> with 400, 403 and 404', async () => {
    const cases: Array<[string, string, Record<string, string> | undefined, number]> = [
      ['POST', '/open311/v2/requests.xml', { ...fmsReport(key), service_code: 'unicorns' }, 400],
      ['POST', '/open311/v2/requests.xml', { ...fmsReport(key), 'attribute[ward_code]': '' }, 400],
      ['POST', '/open311/v2/requests.xml', { ...fmsReport('fixmystreet.stolen') }, 403],
      ['GET', '/open311/v2/services/unicorns.xml', undefined, 404],
      ['GET', '/open311/v2/requests/01ARZ3NDEKTSV4RRFFQ69G5FAV.xml', undefined, 404],
      ['GET', '/open311/v2/requests.xml?start_date=2026-01-01&end_date=2026-12-01', undefined, 400],
    ];
    for (const [method, path, fields, status] of cases) {
      const res = await api.request(method, path, fields ? form(fields) : {});
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toBe('text/xml; charset=utf-8');
      const [error] = xml.parse(res.body).errors.error;
      expect(error.code, path).toBe(String(status));
      expect(error.description.length, path).toBeGreaterThan(0);
    }
  });

  it('escapes what XML cannot carry raw', async () => {
    const res = await api.request('POST', '/open311/v2/requests.xml', form({ ...fmsReport(key), description: 'Ống nước <vỡ> & rò rỉ "nặng" \u0001 ở đầu ngõ' }));
    expect(res.status).toBe(201);
    const [request] = xml.parse(res.body).service_requests.request;
    const admin = await api.token({ sub: 'a', groups: ['admin'] });
    const ticket = await api.request('GET', `/v1/tickets/${request.service_request_id}`, { token: admin });
    expect(ticket.body.description).toContain('<vỡ> & rò rỉ "nặng"');
    const discovery = await api.request('GET', '/open311/v2/discovery.xml');
    expect(xml.parse(discovery.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['application/json', 'text/xml']);
  });
});
