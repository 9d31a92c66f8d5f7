import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';

const clock = testClock();
const api = useTestApi({ clock });
afterEach(() => clock.follow());
let alice: string;
let bob: string;

const valid = { category: 'roads_traffic', description: 'Ổ gà lớn trước cửa nhà số 12', location: { wardCode: '00001', address: '12 Kim Mã' } };

beforeAll(async () => {
  alice = await api.token({ sub: 'alice', groups: ['citizen'], name: 'Alice', phone: '+84900000001' });
  bob = await api.token({ sub: 'bob', groups: ['citizen'] });
});

describe('POST /v1/tickets', () => {
  it('creates a routed ticket with deadlines and a version', async () => {
    clock.set('2026-12-02T03:00:00.000Z');
    const res = await api.request('POST', '/v1/tickets', { token: alice, body: valid });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/tickets/${res.body.id}`);
    // roads and traffic in Hanoi go to the city's transport department (default rules)
    expect(res.body).toMatchObject({ status: 'assigned', departmentId: 'city-transport', location: { wardCode: '00001', districtCode: '001', provinceCode: '01' }, severity: 'normal', version: 1, citizenId: 'alice', citizenName: 'Alice', visibility: 'private' });
    // Wed 10:00 in Hanoi: acknowledge within 8 working hours (Thu 10:00), answer within 40 (next Wed 10:00)
    expect(res.body).toMatchObject({ createdAt: '2026-12-02T03:00:00.000Z', ackDueAt: '2026-12-03T03:00:00.000Z', dueAt: '2026-12-09T03:00:00.000Z' });
  });

  it('rejects server-owned and unknown fields, naming each', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: alice, body: { ...valid, status: 'closed', departmentId: 'x', version: 9, citizenId: 'bob', foo: 1 } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.citizenId', 'body.departmentId', 'body.foo', 'body.status', 'body.version']);
  });

  it('lists every bad field in one 400', async () => {
    const res = await api.request('POST', '/v1/tickets', {
      token: alice,
      body: { category: '', description: 'short', title: 'x'.repeat(151), location: { wardCode: 'abc', lat: 123 }, attachments: Array(6).fill({ key: 'k', contentType: 'image/jpeg' }) },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400, detail: expect.any(String) });
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.category', 'body.description', 'body.title', 'body.location.wardCode', 'body.location.lat', 'body.attachments']));
  });

  it('rejects an unknown category with 400 naming the field', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: alice, body: { ...valid, category: 'unicorns' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.category', message: expect.stringContaining('unicorns') }]);
  });

  it('answers malformed JSON, a missing body and a non-JSON body with 4xx problems', async () => {
    const bad = await api.request('POST', '/v1/tickets', { token: alice, rawBody: '{"category":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const missing = await api.request('POST', '/v1/tickets', { token: alice });
    expect(missing.status).toBe(400);
    const xml = await api.request('POST', '/v1/tickets', { token: alice, rawBody: '<t/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    for (const r of [bad, missing, xml]) expect(r.headers.get('content-type')).toBe('application/problem+json');
  });

  it('needs a valid citizen token', async () => {
    expect((await api.request('POST', '/v1/tickets', { body: valid })).status).toBe(401);
    expect((await api.request('POST', '/v1/tickets', { body: valid, token: 'not.a.jwt' })).status).toBe(401);
    const expired = await api.auth.mint({ sub: 'alice', groups: ['citizen'] }, Math.floor(Date.now() / 1000) - 60);
    expect((await api.request('POST', '/v1/tickets', { body: valid, token: expired })).status).toBe(401);
    const { createDevAuth } = await import('../../local/dev-auth.js');
    const foreign = await (await createDevAuth()).mint({ sub: 'alice', groups: ['citizen'] });
    expect((await api.request('POST', '/v1/tickets', { body: valid, token: foreign })).status).toBe(401);
    const staff = await api.token({ sub: 's1', groups: ['staff'], departmentId: 'triage' });
    const res = await api.request('POST', '/v1/tickets', { body: valid, token: staff });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('Idempotency-Key', () => {
  it('returns the same ticket for a retry with the same key and body', async () => {
    const first = await api.request('POST', '/v1/tickets', { token: alice, body: valid, headers: { 'idempotency-key': 'retry-1' } });
    // same body, keys in another order: still the same request
    const reordered = { location: { address: '12 Kim Mã', wardCode: '00001' }, description: valid.description, category: valid.category };
    const retry = await api.request('POST', '/v1/tickets', { token: alice, body: reordered, headers: { 'idempotency-key': 'retry-1' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('refuses the same key with a different body (422)', async () => {
    await api.request('POST', '/v1/tickets', { token: alice, body: valid, headers: { 'idempotency-key': 'retry-2' } });
    const res = await api.request('POST', '/v1/tickets', { token: alice, body: { ...valid, description: 'Something else entirely' }, headers: { 'idempotency-key': 'retry-2' } });
    expect(res.status).toBe(422);
    expect(res.body.type).toContain('idempotency');
  });

  it('creates exactly one ticket from ten concurrent retries', async () => {
    const before = await api.request('GET', '/v1/me/tickets?limit=100', { token: bob });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.request('POST', '/v1/tickets', { token: bob, body: valid, headers: { 'idempotency-key': 'storm' } })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    const after = await api.request('GET', '/v1/me/tickets?limit=100', { token: bob });
    expect(after.body.items.length - before.body.items.length).toBe(1);
  });

  it('validates the key', async () => {
    const res = await api.request('POST', '/v1/tickets', { token: alice, body: valid, headers: { 'idempotency-key': 'k'.repeat(129) } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('headers.idempotency-key');
  });
});

describe('GET /v1/tickets/{id}', () => {
  it('shows the owner their ticket and hides it from other citizens with 404', async () => {
    const created = await api.request('POST', '/v1/tickets', { token: alice, body: valid });
    const mine = await api.request('GET', `/v1/tickets/${created.body.id}`, { token: alice });
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual(created.body);
    const theirs = await api.request('GET', `/v1/tickets/${created.body.id}`, { token: bob });
    expect(theirs.status).toBe(404);
    const missing = await api.request('GET', '/v1/tickets/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token: alice });
    expect(missing.status).toBe(404);
    expect(theirs.body.detail).toBe(missing.body.detail.replace('01ARZ3NDEKTSV4RRFFQ69G5FAV', created.body.id));
  });

  it('lets the department’s staff and a city manager read it, without contact details for the manager', async () => {
    const created = await api.request('POST', '/v1/tickets', { token: alice, body: valid });
    const staff = await api.token({ sub: 's1', groups: ['staff'], departmentId: 'city-transport' });
    const otherStaff = await api.token({ sub: 's2', groups: ['staff'], departmentId: 'ward-00004' });
    const manager = await api.token({ sub: 'm1', groups: ['manager'], scope: 'city' });
    expect((await api.request('GET', `/v1/tickets/${created.body.id}`, { token: staff })).body.citizenPhone).toBe('+84900000001');
    expect((await api.request('GET', `/v1/tickets/${created.body.id}`, { token: otherStaff })).status).toBe(404);
    const seen = await api.request('GET', `/v1/tickets/${created.body.id}`, { token: manager });
    expect(seen.status).toBe(200);
    expect(seen.body.citizenPhone).toBeUndefined();
  });

  it('answers a malformed id with 400', async () => {
    const res = await api.request('GET', '/v1/tickets/nope', { token: alice });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('params.id');
  });
});

describe('GET /v1/me/tickets', () => {
  it('pages through the caller’s tickets only, newest first', async () => {
    const carol = await api.token({ sub: 'carol', groups: ['citizen'] });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api.request('POST', '/v1/tickets', { token: carol, body: valid })).body.id);
    const first = await api.request('GET', '/v1/me/tickets?limit=2', { token: carol });
    expect(first.status).toBe(200);
    const second = await api.request('GET', `/v1/me/tickets?limit=2&cursor=${first.body.nextCursor}`, { token: carol });
    const third = await api.request('GET', `/v1/me/tickets?limit=2&cursor=${second.body.nextCursor}`, { token: carol });
    expect([...first.body.items, ...second.body.items, ...third.body.items].map((t: { id: string }) => t.id)).toEqual(ids.reverse());
    expect(third.body.nextCursor).toBeNull();
    expect((await api.request('GET', '/v1/me/tickets?status=assigned', { token: carol })).body.items).toHaveLength(5);
    expect((await api.request('GET', '/v1/me/tickets?status=closed', { token: carol })).body).toEqual({ items: [], nextCursor: null });
  });

  it('validates limit, status, cursor and unknown parameters', async () => {
    for (const q of ['limit=0', 'limit=101', 'limit=abc', 'status=lost', 'cursor=%%%', 'sort=asc']) {
      const res = await api.request('GET', `/v1/me/tickets?${q}`, { token: alice });
      expect(res.status, q).toBe(400);
    }
  });

  it('refuses a tampered cursor with 400, never letting a malformed key reach DynamoDB', async () => {
    const page = await api.request('GET', '/v1/me/tickets?limit=1', { token: alice });
    const key = JSON.parse(Buffer.from(page.body.nextCursor, 'base64url').toString('utf8'));
    const tampered = [
      { gsi1pk: key.gsi1pk },
      { ...key, gsi1sk: '' },
      { ...key, extra: 'x' },
      { ...key, sk: 7 },
    ];
    for (const t of tampered) {
      const cursor = Buffer.from(JSON.stringify(t)).toString('base64url');
      const res = await api.request('GET', `/v1/me/tickets?limit=1&cursor=${cursor}`, { token: alice });
      expect(res.status, JSON.stringify(t)).toBe(400);
    }
    const publicCursor = Buffer.from(JSON.stringify({ gsi5pk: 'PUBLIC' })).toString('base64url');
    expect((await api.request('GET', `/v1/public/tickets?cursor=${publicCursor}`)).status).toBe(400);
    const departmentsCursor = Buffer.from(JSON.stringify({ pk: 'DEPARTMENT' })).toString('base64url');
    expect((await api.request('GET', `/v1/departments?cursor=${departmentsCursor}`)).status).toBe(400);
  });

  it('refuses another citizen’s cursor', async () => {
    const page = await api.request('GET', '/v1/me/tickets?limit=1', { token: alice });
    const res = await api.request('GET', `/v1/me/tickets?limit=1&cursor=${page.body.nextCursor}`, { token: bob });
    expect(res.status).toBe(400);
  });
});

describe('public routes', () => {
  it('serves health and categories without a token', async () => {
    expect((await api.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const categories = await api.request('GET', '/v1/categories');
    expect(categories.status).toBe(200);
    expect(categories.body.items.length).toBeGreaterThanOrEqual(10);
    expect(categories.body.items[0]).toMatchObject({ code: expect.any(String), name: { vi: expect.any(String), en: expect.any(String) }, policy: { acknowledgeHours: 8 } });
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await api.request('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('POST /dev/token', () => {
  it('mints a token for valid claims and rejects bad ones', async () => {
    const ok = await api.request('POST', '/dev/token', { body: { sub: 'x', groups: ['citizen'], phone: '+84900000009' } });
    expect(ok.status).toBe(200);
    expect((await api.request('GET', '/v1/me/tickets', { token: ok.body.token })).status).toBe(200);
    const bad = await api.request('POST', '/dev/token', { body: { sub: 'x', groups: ['root'], phone: '0900' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['body.groups.0', 'body.phone']));
  });
});
