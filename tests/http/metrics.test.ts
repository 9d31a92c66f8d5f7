import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as metricsConsumer } from '../../functions/streams/metrics.js';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { markerKey } from '../../shared/adapters/dynamodb/metric-store.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { lambdaContext } from '../../local/handlers.js';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';

const batches: DynamoDBStreamEvent[] = [];
// Counters are by the local day a ticket was received: a pinned day holds this file's tickets and nothing else, whenever it runs.
const clock = testClock('2026-11-18T02:00:00.000Z');
const api = useTestApi({ streams: true, clock, onBatch: (consumer, event) => consumer.id === 'metrics' && batches.push(event) });
const today = localDate(clock.now());
let citizen: string;
let cityManager: string;
let districtManager: string;
let admin: string;

/** Moves a ticket as the workflow would, a minute after the last change: next version + one event, in one transaction. */
async function advance(id: string, type: string, patch: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  const ticket = (await dynamoTicketStore.get(id))!;
  clock.advance(60_000);
  const next = { ...ticket, ...patch, version: ticket.version + 1, updatedAt: clock.now().toISOString() };
  await dynamoTicketStore.update(next, { eventId: `${id}-${next.version}`, ticketId: id, version: next.version, type, at: next.updatedAt, actor: { id: 's', role: 'staff' }, visibility: 'public', data }, ticket.version);
}

async function submit(category: string, wardCode: string, visibility: 'public' | 'private' = 'private') {
  const res = await api.request('POST', '/v1/tickets', { token: citizen, body: { category, description: 'Đèn đường hỏng đã lâu', location: { wardCode, address: 'số 5 ngõ 12' }, visibility } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const metrics = (query: string, token = cityManager) => api.request('GET', `/v1/metrics?${query}`, { token });

beforeAll(async () => {
  citizen = await api.token({ sub: 'citizen-m', groups: ['citizen'], name: 'Trần Thị B', phone: '+84911111111' });
  cityManager = await api.token({ sub: 'mgr-city', groups: ['manager'], scope: 'city' });
  districtManager = await api.token({ sub: 'mgr-001', groups: ['manager'], scope: 'district-001' });
  admin = await api.token({ sub: 'admin', groups: ['admin'] });

  // ward 00001 is in district 001 (Ba Đình); 00037 is in district 002 (Hoàn Kiếm)
  const a = await submit('environment', '00001', 'public');
  const b = await submit('environment', '00001');
  const c = await submit('roads_traffic', '00037');
  await submit('environment', '00037');
  await advance(a, 'responded', { status: 'responded' });
  await advance(a, 'rated', {}, { rating: 'satisfied' });
  await advance(b, 'rejected', { status: 'rejected' });
  await advance(c, 'responded', { status: 'responded' });
  await advance(c, 'rated', {}, { rating: 'not_satisfied' });
  await advance(c, 'reopened', { status: 'in_progress', reopenCount: 1 });
  await advance(c, 'responded', { status: 'responded' });
  await api.streams.drain();
});

describe('GET /v1/metrics', () => {
  it('counts the city from the stream, with API.md’s rates', async () => {
    const res = await metrics(`scope=city&from=${today}&to=${today}&granularity=total`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({
      received: 4, processed: 3, responded: 3, rejected: 1, onTime: 3, rated: 2, satisfied: 1, notSatisfied: 1, reopened: 1,
      responseRate: 0.75, onTimeRate: 1, satisfactionRate: 0.5,
    });
    // all three answers came within the first hour: read from the histogram's (0, 1] bucket
    expect(res.body.totals).toMatchObject({ medianResponseHours: 0.5, p90ResponseHours: 0.9 });
  });

  it('slices by ward, district, department and category', async () => {
    const q = `from=${today}&to=${today}&granularity=total`;
    expect((await metrics(`scope=ward-00001&${q}`)).body.totals.received).toBe(2);
    expect((await metrics(`scope=district-002&${q}`)).body.totals.received).toBe(2);
    expect((await metrics(`scope=department-city-transport&${q}`)).body.totals).toMatchObject({ received: 1, processed: 1 });
    expect((await metrics(`scope=city&category=environment&${q}`)).body.totals).toMatchObject({ received: 3, processed: 2 });
  });

  it('fills every day of a daily series and reports empty rates as null', async () => {
    const res = await metrics(`scope=ward-00004&from=2026-01-01&to=2026-01-31`);
    expect(res.body.series).toHaveLength(31);
    expect(res.body.series[0]).toMatchObject({ period: '2026-01-01', received: 0, responseRate: null, satisfactionRate: null });
    const months = await metrics(`scope=city&from=2026-01-15&to=${today}&granularity=month`);
    expect(months.body.series[0].period).toBe('2026-01');
    expect(months.body.totals.received).toBe(4);
  });

  it('rejects malformed or reversed dates, long ranges, unknown scopes and categories with 400', async () => {
    for (const q of ['scope=city&from=2026-02-30', 'scope=city&from=yesterday', 'scope=city&from=2026-03-01&to=2026-02-01', 'scope=city&from=2025-01-01&to=2026-03-01',
      'scope=district-999', 'scope=ward-001', 'scope=department-', 'scope=ward-', 'scope=department-nobody', 'scope=planet', 'scope=city&category=unicorns', 'scope=city&granularity=week', '']) {
      const res = await metrics(q);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('limits a district manager to their district, its wards and its units', async () => {
    const q = `from=${today}&to=${today}&granularity=total`;
    expect((await metrics(`scope=district-001&${q}`, districtManager)).status).toBe(200);
    expect((await metrics(`scope=ward-00001&${q}`, districtManager)).status).toBe(200);
    expect((await metrics(`scope=department-ward-00001&${q}`, districtManager)).status).toBe(200);
    for (const scope of ['city', 'district-002', 'ward-00037', 'department-city-transport']) {
      expect((await metrics(`scope=${scope}&${q}`, districtManager)).status, scope).toBe(403);
    }
    expect((await metrics(`scope=city&${q}`, admin)).status).toBe(200);
    expect((await metrics(`scope=city&${q}`, citizen)).status).toBe(403);
  });
});

describe('exactly-once counting', () => {
  it('leaves every counter equal to a recount after every batch is delivered twice', async () => {
    const before = (await metrics(`scope=city&from=${today}&to=${today}&granularity=total`)).body.totals;
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) {
      const response = await metricsConsumer(batch, lambdaContext('streams/metrics', 60_000));
      expect(response.batchItemFailures).toEqual([]);
    }
    expect((await metrics(`scope=city&from=${today}&to=${today}&granularity=total`)).body.totals).toEqual(before);
    const reconciled = await api.request('POST', '/dev/jobs/reconcile-metrics', { body: { day: today } });
    expect(reconciled.status).toBe(200);
    expect(reconciled.body).toMatchObject({ day: today, tickets: 4, drift: [] });
    expect(reconciled.body.countersChecked).toBeGreaterThan(8);
  });

  it('reports drift when a counter is off', async () => {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'METRIC#ward-00037#*', sk: `D#${today}`, entity: 'counter', received: 99 } }));
    const reconciled = await api.request('POST', '/dev/jobs/reconcile-metrics', { body: { day: today } });
    expect(reconciled.body.drift).toEqual(expect.arrayContaining([{ scope: 'ward-00037', category: '*', field: 'received', expected: 2, actual: 99 }]));
  });

  it('sets a poison record aside without stopping the records around it', async () => {
    const id = await submit('health', '00004');
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: 'TICKET#POISON', sk: 'EVENT#000001', entity: 'event', eventId: 'poison', type: 'created' } }));
    const after = await submit('health', '00004');
    await api.streams.drain();
    const metricsDeadLetters = api.streams.deadLetters.filter((d) => d.consumerId === 'metrics');
    expect(metricsDeadLetters.map((d) => d.records[0]!.dynamodb?.NewImage?.eventId?.S)).toEqual(['poison']);
    const q = `scope=ward-00004&category=health&from=${today}&to=${today}&granularity=total`;
    expect((await metrics(q)).body.totals.received).toBe(2);
    // the tickets on either side of the poison were each counted: their events' markers are there
    for (const ticketId of [id, after]) {
      const [created] = await dynamoTicketStore.events(ticketId);
      const marker = await documentClient.send(new GetCommand({ TableName: tableName(), Key: markerKey(created!.eventId) }));
      expect(marker.Item, ticketId).toMatchObject({ entity: 'metric_marker' });
    }
  });
});

describe('ranking, CSV and transparency', () => {
  it('ranks departments and lists small samples apart', async () => {
    const res = await api.request('GET', `/v1/metrics/ranking?from=${today}&to=${today}&minSample=2`, { token: cityManager });
    expect(res.status).toBe(200);
    // ward-00001 answered both of its tickets; city-health (two health tickets above) none yet
    expect(res.body.ranked.map((r: { departmentId: string }) => r.departmentId)).toEqual(['ward-00001', 'city-health']);
    expect(res.body.ranked[0]).toMatchObject({ rank: 1, received: 2, responseRate: 1 });
    expect(res.body.ranked[1]).toMatchObject({ rank: 2, received: 2, responseRate: 0 });
    // one answered ticket does not put a unit at the top
    expect(res.body.belowMinSample.map((r: { departmentId: string }) => r.departmentId).sort()).toEqual(['city-transport', 'ward-00037']);
    const district = await api.request('GET', `/v1/metrics/ranking?from=${today}&to=${today}&minSample=1`, { token: districtManager });
    expect(district.body.ranked.map((r: { departmentId: string }) => r.departmentId)).toEqual(['ward-00001']);
  });

  it('exports the report as CSV', async () => {
    const res = await api.request('GET', `/v1/metrics/export.csv?scope=city&from=${today}&to=${today}`, { token: cityManager });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('period,received,processed,responded,rejected,onTime,overdue,rated,satisfied,acceptable,notSatisfied,reopened,followers,duplicates,responseRate,onTimeRate,satisfactionRate,medianResponseHours,p90ResponseHours');
    expect(lines[1]).toMatch(new RegExp(`^${today},6,3,`));
    expect(lines[2]).toMatch(/^total,6,3,/);
  });

  it('publishes scorecards and public processed tickets without a token or personal data', async () => {
    const cards = await api.request('GET', `/v1/public/scorecards?from=${today}&to=${today}`);
    expect(cards.status).toBe(200);
    expect(cards.body.items.find((c: { departmentId: string }) => c.departmentId === 'ward-00001')).toEqual({
      departmentId: 'ward-00001', received: 2, processed: 2, responseRate: 1, onTimeRate: 1, satisfactionRate: 1, medianResponseHours: expect.any(Number),
    });
    const feed = await api.request('GET', '/v1/public/tickets?area=001');
    expect(feed.status).toBe(200);
    expect(feed.body.items).toHaveLength(1);
    const [item] = feed.body.items;
    expect(item).toMatchObject({ category: 'environment', status: 'responded', location: { wardCode: '00001', districtCode: '001' } });
    for (const secret of ['citizenId', 'citizenName', 'citizenPhone']) expect(item).not.toHaveProperty(secret);
    expect(item.location).not.toHaveProperty('address');
    expect(JSON.stringify(feed.body)).not.toContain('Trần Thị B');
    expect((await api.request('GET', '/v1/public/tickets?area=002')).body.items).toEqual([]);
    expect((await api.request('GET', '/v1/public/tickets?category=roads_traffic')).body.items).toEqual([]);
    expect((await api.request('GET', '/v1/public/tickets?area=x')).status).toBe(400);
  });
});
