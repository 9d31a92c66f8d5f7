import { beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { refDay } from '../../shared/domain/ticket-ref.js';
import { useTestApi } from '../support/api.js';

const api = useTestApi();
let alice: string;
let bob: string;

// health in a Phúc Xá ward goes to the ward's committee (default rules)
const valid = { category: 'health', description: 'Trạm y tế phường đóng cửa giờ hành chính', location: { wardCode: '00001' } };
const submit = (token: string, headers: Record<string, string> = {}, body: unknown = valid) => api.request('POST', '/v1/tickets', { token, body, headers });
const today = () => refDay(new Date());

beforeAll(async () => {
  alice = await api.token({ sub: 'alice', groups: ['citizen'] });
  bob = await api.token({ sub: 'bob', groups: ['citizen'] });
});

describe('ticket references', () => {
  it('every new ticket gets HN-<local YYMMDD>-<4 digits>, on the ticket, its created event and its reads', async () => {
    const res = await submit(alice);
    expect(res.status).toBe(201);
    expect(res.body.ref).toMatch(new RegExp(`^HN-${today()}-\\d{4}$`));
    expect((await api.request('GET', `/v1/tickets/${res.body.id}`, { token: alice })).body.ref).toBe(res.body.ref);
    const history = await api.request('GET', `/v1/tickets/${res.body.id}/history`, { token: alice });
    expect(history.body.items[0]).toMatchObject({ type: 'created', data: { ref: res.body.ref } });
    const mine = await api.request('GET', '/v1/me/tickets', { token: alice });
    expect(mine.body.items.find((t: { id: string }) => t.id === res.body.id).ref).toBe(res.body.ref);
  });

  it('20 concurrent submissions get 20 distinct references, consecutive numbers of one day', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(i % 2 ? alice : bob)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const refs = results.map((r) => r.body.ref as string);
    expect(new Set(refs).size).toBe(20);
    const numbers = refs.map((r) => Number(r.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
  });

  it('retries with one Idempotency-Key, even concurrent ones, return the one ticket with its one reference', async () => {
    const key = { 'idempotency-key': `ref-retry-${Date.now()}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(alice, key)));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.ref)).size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const later = await submit(alice, key);
    expect(later).toMatchObject({ status: 200, body: { id: results[0]!.body.id, ref: results[0]!.body.ref } });
  });

  it('a reference already taken (a lost counter) is skipped, never handed out twice', async () => {
    const first = await submit(alice);
    const [prefix, day, n] = first.body.ref.split('-');
    const next = `${prefix}-${day}-${String(Number(n) + 1).padStart(4, '0')}`;
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: `REF#${next}`, sk: 'REF', entity: 'ref', ticketId: 'SOMEONE-ELSE' } }));
    const second = await submit(alice);
    expect(second.status).toBe(201);
    expect(second.body.ref).not.toBe(next);
    expect(Number(second.body.ref.split('-')[2])).toBeGreaterThan(Number(n) + 1);
  });

  it('GET /v1/ticket-refs/{ref}: the ticket, in any case, under the visibility rules of a read by id', async () => {
    const t = (await submit(alice)).body;
    const own = await api.request('GET', `/v1/ticket-refs/${t.ref.toLowerCase()}`, { token: alice });
    expect(own.status).toBe(200);
    expect(own.body).toEqual((await api.request('GET', `/v1/tickets/${t.id}`, { token: alice })).body);
    expect(own.headers.get('content-location')).toBe(`/v1/tickets/${t.id}`);
    // another citizen, or staff of another unit: as if it did not exist
    expect((await api.request('GET', `/v1/ticket-refs/${t.ref}`, { token: bob })).status).toBe(404);
    const elsewhere = await api.token({ sub: 's', groups: ['staff'], departmentId: 'ward-00004' });
    expect((await api.request('GET', `/v1/ticket-refs/${t.ref}`, { token: elsewhere })).status).toBe(404);
    const unit = await api.token({ sub: 's', groups: ['staff'], departmentId: t.departmentId });
    expect((await api.request('GET', `/v1/ticket-refs/${t.ref}`, { token: unit })).body.id).toBe(t.id);
    expect((await api.request('GET', '/v1/ticket-refs/HN-000101-9999', { token: unit })).status).toBe(404);
    const bad = await api.request('GET', '/v1/ticket-refs/not-a-ref', { token: unit });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('the queue finds a ticket by its reference (q=), as by its id', async () => {
    const t = (await submit(bob)).body;
    const unit = await api.token({ sub: 's', groups: ['staff'], departmentId: t.departmentId });
    const found = await api.request('GET', `/v1/departments/${t.departmentId}/tickets?q=${t.ref.toLowerCase()}`, { token: unit });
    expect(found.body.items.map((r: { id: string; ref: string }) => [r.id, r.ref])).toEqual([[t.id, t.ref]]);
    expect((await api.request('GET', `/v1/departments/${t.departmentId}/tickets?q=HN-000101-9999`, { token: unit })).body.items).toEqual([]);
    const rows = await api.request('GET', `/v1/departments/${t.departmentId}/tickets?limit=100`, { token: unit });
    for (const row of rows.body.items) expect(row.ref).toMatch(/^HN-\d{6}-\d{4}$/);
  });
});
