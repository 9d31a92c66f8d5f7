/**
 * Bad input as a new user types it and as a fuzzer sends it: every answer is a 4xx
 * problem+json, never a 500 (issue 10).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { idempotencyKey } from '../../shared/adapters/dynamodb/ticket-items.js';
import { routes } from '../../shared/http/routes.js';
import { useTestApi } from '../support/api.js';

const api = useTestApi();

const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, label: string) => {
  expect(res.status, label).toBe(status);
  expect(res.headers.get('content-type'), label).toBe('application/problem+json');
  expect(res.body.status, label).toBe(status);
};

describe('malformed percent-encoding in a path parameter', () => {
  const malformed = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%uD800', '%ED%A0%80'];

  it('is a 400 problem on every route with a {param}, with or without a token', async () => {
    const admin = await api.token({ sub: 'pe-admin', groups: ['admin'] });
    const withParams = routes.filter((r) => r.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(5);
    for (const route of withParams) {
      for (const bad of malformed) {
        const path = route.path.replace(/\{\w+\}/g, bad);
        for (const token of [undefined, admin]) {
          const res = await api.request(route.method, path, { token });
          expectProblem(res, 400, `${route.method} ${path} ${token ? 'with' : 'without'} a token`);
        }
      }
    }
  });

  it('names the parameter that could not be decoded', async () => {
    const res = await api.request('GET', '/v1/tickets/%ZZ');
    expect(res.body.errors).toEqual([{ path: 'params.id', message: expect.stringContaining('percent-encoding') }]);
  });
});

describe('dates on the metrics and scorecard routes', () => {
  const routesWithDates = ['/v1/metrics?scope=city&', '/v1/metrics/ranking?', '/v1/metrics/export.csv?scope=city&', '/v1/public/scorecards?'];

  it('answers years outside 1000–9999 and impossible days with 400 naming the field', async () => {
    const admin = await api.token({ sub: 'dates-admin', groups: ['admin'] });
    const bad: Array<[string, string]> = [
      ['from=0999-01-01&to=0999-01-31', 'query.from'],
      ['to=0000-01-01', 'query.to'],
      ['from=10000-01-01&to=10000-01-02', 'query.from'],
      ['from=%2B010000-01-01', 'query.from'],
      ['from=2026-02-29&to=2026-03-01', 'query.from'],
      ['to=-000001-01-01', 'query.to'],
    ];
    for (const prefix of routesWithDates) {
      for (const [query, field] of bad) {
        const res = await api.request('GET', prefix + query, { token: admin });
        expectProblem(res, 400, prefix + query);
        expect(res.body.errors?.map((e: { path: string }) => e.path), prefix + query).toContain(field);
      }
    }
  });

  it('serves the last month of year 9999 and the first of year 1000 without overflowing', async () => {
    const admin = await api.token({ sub: 'dates-admin', groups: ['admin'] });
    for (const prefix of routesWithDates) {
      for (const query of ['from=9999-12-01&to=9999-12-31', 'from=1000-01-01&to=1000-01-31', 'to=1000-01-05']) {
        const res = await api.request('GET', prefix + query, { token: admin });
        expect(res.status, prefix + query).toBe(200);
      }
    }
  });
});

describe('cursors that do not fit their list', () => {
  const encode = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  const valid = { category: 'roads_traffic', description: 'Ổ gà lớn trước cửa nhà số 12', location: { wardCode: '00001' } };

  it('are a 400 when the sort key or the item key is not one the list could have returned', async () => {
    const token = await api.token({ sub: 'cursor-citizen', groups: ['citizen'] });
    for (let i = 0; i < 2; i++) expect((await api.request('POST', '/v1/tickets', { token, body: valid })).status).toBe(201);
    const page = await api.request('GET', '/v1/me/tickets?limit=1', { token });
    const key = decode(page.body.nextCursor);
    expect((await api.request('GET', `/v1/me/tickets?limit=1&cursor=${page.body.nextCursor}`, { token })).status).toBe(200);
    const ticketId = key.pk.slice('TICKET#'.length);
    const tampered = [
      { ...key, gsi1sk: 'ZZZ' },
      { ...key, gsi1sk: `TICKET#${'A'.repeat(1100)}` },
      { ...key, pk: 'AREA#00001' },
      { ...key, sk: 'EVENT#000001' },
    ];
    for (const t of tampered) {
      expectProblem(await api.request('GET', `/v1/me/tickets?limit=1&cursor=${encode(t)}`, { token }), 400, JSON.stringify(t).slice(0, 80));
    }
    for (const t of [{ pk: `TICKET#${ticketId}`, sk: 'ZZZ' }, { pk: `TICKET#${ticketId}`, sk: 'TICKET' }]) {
      expectProblem(await api.request('GET', `/v1/tickets/${ticketId}/history?cursor=${encode(t)}`, { token }), 400, JSON.stringify(t));
    }
  });
});

describe('Idempotency-Key claims', () => {
  const body = { category: 'roads_traffic', description: 'Cống thoát nước bị tắc ở đầu ngõ', location: { wardCode: '00001' } };

  it('never collide across citizens, whatever characters the user id and the key hold', async () => {
    const s = await api.token({ sub: 'idem-S', groups: ['citizen'], name: 'Người S', phone: '+84900000111' });
    const sk = await api.token({ sub: 'idem-S#k', groups: ['citizen'] });
    const first = await api.request('POST', '/v1/tickets', { token: s, body, headers: { 'idempotency-key': 'k#1' } });
    expect(first.status).toBe(201);
    const other = await api.request('POST', '/v1/tickets', { token: sk, body, headers: { 'idempotency-key': '1' } });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body).toMatchObject({ citizenId: 'idem-S#k' });
    expect(other.body).not.toHaveProperty('citizenPhone');
  });

  it('replay only a ticket the caller owns', async () => {
    const owner = await api.token({ sub: 'idem-owner', groups: ['citizen'], name: 'Chủ', phone: '+84900000222' });
    const intruder = await api.token({ sub: 'idem-intruder', groups: ['citizen'] });
    const created = await api.request('POST', '/v1/tickets', { token: owner, body, headers: { 'idempotency-key': 'same-key' } });
    expect(created.status).toBe(201);
    // A claim under the intruder's key naming the owner's ticket, with the very request hash the intruder will send.
    const claim = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: idempotencyKey('idem-owner', 'same-key') }))).Item!;
    expect(claim).toMatchObject({ ticketId: created.body.id });
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...claim, ...idempotencyKey('idem-intruder', 'same-key') } }));
    const replay = await api.request('POST', '/v1/tickets', { token: intruder, body, headers: { 'idempotency-key': 'same-key' } });
    expectProblem(replay, 422, 'replay of a ticket the caller does not own');
    expect(JSON.stringify(replay.body)).not.toContain(created.body.id);
  });
});

describe('free text is measured in visible characters', () => {
  const ticket = (patch: object) => ({ category: 'roads_traffic', description: 'Ổ gà lớn trước cửa nhà số 12', location: { wardCode: '00001' }, ...patch });
  const zw = '\u200B';

  it('refuses a description of only invisible characters, and NUL or lone surrogates in any text field', async () => {
    const token = await api.token({ sub: 'text-citizen', groups: ['citizen'] });
    const bad: Array<[object, string]> = [
      [ticket({ description: zw.repeat(12) }), 'body.description'],
      [ticket({ description: `ab${zw.repeat(10)}\u2060\uFEFF\u0007cd` }), 'body.description'],
      [ticket({ description: 'Ổ gà lớn\u0000 trước cửa nhà' }), 'body.description'],
      [ticket({ title: 'Ổ gà \uD800' }), 'body.title'],
      [ticket({ title: `${zw}\u200D\u200C` }), 'body.title'],
      [ticket({ location: { wardCode: '00001', address: 'số 12\uDFFF' } }), 'body.location.address'],
      [ticket({ category: 'roads\u0000traffic' }), 'body.category'],
    ];
    for (const [body, field] of bad) {
      const res = await api.request('POST', '/v1/tickets', { token, body });
      expectProblem(res, 400, JSON.stringify(body));
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(field);
    }
  });

  it('counts a decomposed Vietnamese letter or an emoji as one character, and keeps newlines and tabs', async () => {
    const token = await api.token({ sub: 'text-citizen', groups: ['citizen'] });
    const decomposed = 'Ổ gà lớn quá'.normalize('NFD');
    const ok = await api.request('POST', '/v1/tickets', { token, body: ticket({ description: decomposed, title: '👩‍👩‍👧' }) });
    expect(ok.status).toBe(201);
    expect(ok.body.description).toBe(decomposed);
    const lines = await api.request('POST', '/v1/tickets', { token, body: ticket({ description: 'Ổ gà\n\tlớn\nquá' }) });
    expect(lines.status).toBe(201);
    const short = await api.request('POST', '/v1/tickets', { token, body: ticket({ description: '👩‍👩‍👧'.repeat(9) }) });
    expectProblem(short, 400, 'nine emoji are nine characters');
  });

  it('applies to comments and staff messages too', async () => {
    const token = await api.token({ sub: 'text-citizen', groups: ['citizen'] });
    const created = await api.request('POST', '/v1/tickets', { token, body: ticket({}) });
    const comment = await api.request('POST', `/v1/tickets/${created.body.id}/comments`, { token, body: { message: zw.repeat(5) } });
    expectProblem(comment, 400, 'an invisible comment');
    const staff = await api.token({ sub: 'text-staff', groups: ['staff'], departmentId: created.body.departmentId });
    const respond = await api.request('POST', `/v1/tickets/${created.body.id}/actions`, {
      token: staff,
      body: { action: 'respond', expectedVersion: 1, message: `Đã xử lý${zw.repeat(20)}` },
    });
    expectProblem(respond, 400, 'a respond message of eight visible characters');
  });
});

describe('integer parameters', () => {
  it('accept only plain decimal integers: limit, the holiday year, minSample', async () => {
    const citizen = await api.token({ sub: 'int-citizen', groups: ['citizen'] });
    const admin = await api.token({ sub: 'int-admin', groups: ['admin'] });
    const loose = [' 5', '5 ', '0x10', '5e0', '+5', '5.0', '05', '', '1_0', '٥'];
    for (const v of loose) {
      expectProblem(await api.request('GET', `/v1/me/tickets?limit=${encodeURIComponent(v)}`, { token: citizen }), 400, `limit=${JSON.stringify(v)}`);
      expectProblem(await api.request('GET', `/v1/metrics/ranking?minSample=${encodeURIComponent(v)}`, { token: admin }), 400, `minSample=${JSON.stringify(v)}`);
    }
    expect((await api.request('GET', '/v1/me/tickets?limit=5', { token: citizen })).status).toBe(200);
    for (const v of ['0x833', '2.099e3', '+2099', '2099.0', '02099', ' 2099']) {
      expectProblem(await api.request('GET', `/v1/calendar/holidays/${encodeURIComponent(v)}`, { token: admin }), 400, `year ${v}`);
    }
    const year = await api.request('GET', '/v1/calendar/holidays/2026', { token: admin });
    expect(year.status).toBe(200);
    expect(year.body.year).toBe(2026);
  });
});
