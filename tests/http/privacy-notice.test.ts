import { beforeAll, describe, expect, it } from 'vitest';
import { seedPrivacyNotice } from '../../local/demo-data.js';
import { dynamoPersonalDataStore } from '../../shared/adapters/dynamodb/personal-data-store.js';
import { defaultPrivacyNotice } from '../../shared/reference/privacy-notice.js';
import { useTestApi } from '../support/api.js';

const api = useTestApi();
let citizen: string;

const valid = { category: 'roads_traffic', description: 'Ổ gà lớn trước cửa nhà số 12', location: { wardCode: '00001' } };

beforeAll(async () => {
  citizen = await api.token({ sub: 'consenting', groups: ['citizen'], name: 'Trần Thị Bình', phone: '+84900000011' });
});

// One file, in order: first no notice (a deployment that has not published one), then the demo's.
describe('before any privacy notice is configured', () => {
  it('GET /v1/privacy-notice is a 404 problem', async () => {
    const res = await api.request('GET', '/v1/privacy-notice');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('POST /v1/tickets needs no consentVersion', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: citizen, body: valid });
    expect(res.status).toBe(201);
    expect(res.body.consent).toBeUndefined();
  });
});

describe('once the notice 2026-01 is configured (as npm start does)', () => {
  beforeAll(async () => {
    expect(await seedPrivacyNotice()).toBe(true);
  });

  it('serves it publicly, in Vietnamese and English', async () => {
    const res = await api.request('GET', '/v1/privacy-notice');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: '2026-01', text: { vi: expect.stringMatching(/dữ liệu cá nhân/i), en: expect.stringMatching(/personal data/i) }, publishedAt: expect.any(String) });
  });

  it('answers a submission without consentVersion with 400 naming body.consentVersion', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: citizen, body: valid });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'body.consentVersion', message: expect.stringContaining('2026-01') }]);
  });

  it('answers an outdated or unknown version with 400 naming body.consentVersion', async () => {
    for (const consentVersion of ['2025-01', '']) {
      const res = await api.request('POST', '/v1/tickets', { token: citizen, body: { ...valid, consentVersion } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.consentVersion']);
    }
  });

  it('lists the consent error with the other bad references in one 400', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: citizen, body: { ...valid, category: 'unicorns' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.category', 'body.consentVersion']);
  });

  it('stores the accepted version with the ticket, and a retry returns the same ticket', async () => {
    const body = { ...valid, consentVersion: '2026-01' };
    const first = await api.request('POST', '/v1/tickets', { token: citizen, body, headers: { 'idempotency-key': 'consent-1' } });
    expect(first.status).toBe(201);
    expect(first.body.consent).toEqual({ version: '2026-01', at: first.body.createdAt });
    const again = await api.request('POST', '/v1/tickets', { token: citizen, body, headers: { 'idempotency-key': 'consent-1' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const read = await api.request('GET', `/v1/tickets/${first.body.id}`, { token: citizen });
    expect(read.body.consent).toEqual({ version: '2026-01', at: first.body.createdAt });
  });

  it('keeps a notice already published: seeding again writes nothing, a new version replaces it', async () => {
    expect(await seedPrivacyNotice()).toBe(false);
    const city = { ...defaultPrivacyNotice, version: '2026-07', publishedAt: '2026-07-01T00:00:00.000Z' };
    expect(await dynamoPersonalDataStore.putPrivacyNotice(city)).toBe(true);
    expect(await seedPrivacyNotice()).toBe(false);
    expect((await api.request('GET', '/v1/privacy-notice')).body.version).toBe('2026-07');
    const old = await api.request('POST', '/v1/tickets', { token: citizen, body: { ...valid, consentVersion: '2026-01' } });
    expect(old.status).toBe(400);
    expect((await api.request('POST', '/v1/tickets', { token: citizen, body: { ...valid, consentVersion: '2026-07' } })).status).toBe(201);
  });
});
