/**
 * The area migration both ways on real data: a table seeded and used on the 2024 map (tickets
 * through the API, counted by the stream), then the 2025 catalog seeded over it and the job run
 * through `POST /dev/jobs/migrate-areas` — stopped part-way, crashed, resumed, run again.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../local/area-catalogs.js';
import { migrateAreas } from '../../shared/app/migrate-areas.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { dynamoAreaMigrationStore } from '../../shared/adapters/dynamodb/area-migration-store.js';
import { forgetAreas } from '../../shared/adapters/dynamodb/area-store.js';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { seedReferenceData } from '../../shared/adapters/dynamodb/seed-reference.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';
import { hanoi } from '../support/table.js';

// Counters are by the local day a ticket was received: a pinned day holds this file's tickets, whenever it runs.
const clock = testClock('2026-11-18T02:00:00.000Z');
const api = useTestApi({ streams: true, seed: false, clock });
const today = localDate(clock.now());
// Ba Đình (001), Hoàn Kiếm (002) and Đống Đa (006, where Trung Tự 00226 was split in two).
const areas2024 = hanoi.filter((a) => a.level === 'province' || ['001', '002', '006'].includes(a.districtCode ?? a.code));
let citizen: string;
let manager: string;
let admin: string;
const ids = {} as Record<'phucXa' | 'phucTan' | 'health' | 'district' | 'split', string>;
let cityBefore: Record<string, unknown>;

async function submit(category: string, wardCode: string) {
  const res = await api.request('POST', '/v1/tickets', { token: citizen, body: { category, description: 'Rác thải ùn ứ nhiều ngày', location: { wardCode } } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function advance(id: string, type: string, patch: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  const ticket = (await dynamoTicketStore.get(id))!;
  clock.advance(60_000);
  const next = { ...ticket, ...patch, version: ticket.version + 1, updatedAt: clock.now().toISOString() };
  await dynamoTicketStore.update(next, { eventId: `${id}-${next.version}`, ticketId: id, version: next.version, type, at: next.updatedAt, actor: { id: 's', role: 'staff' }, visibility: 'public', data }, ticket.version);
}

const totals = async (scope: string) => (await api.request('GET', `/v1/metrics?scope=${scope}&from=${today}&to=${today}&granularity=total`, { token: manager })).body.totals;
const migrate = (body: unknown = {}) => api.request('POST', '/dev/jobs/migrate-areas', { body });

/** Everything but the migration's own partition and the reference version counters. */
async function tableState() {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient.send(new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items.filter((i) => !String(i.pk).startsWith('AREA_MIGRATION#') && i.pk !== 'META').sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

beforeAll(async () => {
  await seedReferenceData({ areas: areas2024, provinceCode: '01' });
  citizen = await api.token({ sub: 'citizen-mig', groups: ['citizen'] });
  manager = await api.token({ sub: 'mgr-city', groups: ['manager'], scope: 'city' });
  admin = await api.token({ sub: 'admin', groups: ['admin'] });
  ids.phucXa = await submit('urban_order', '00001'); // → ward-00001; Phúc Xá merged into 00097
  ids.phucTan = await submit('environment', '00037'); // → ward-00037; Phúc Tân merged into 00097 too
  ids.health = await submit('health', '00001'); // → city-health
  ids.district = await submit('construction_land', '00004'); // → district-001; Trúc Bạch kept its code
  ids.split = await submit('urban_order', '00226'); // Trung Tự: split into 00226 and 00229
  await advance(ids.phucXa, 'responded', { status: 'responded', respondedAt: new Date(clock.now().getTime() + 60_000).toISOString() });
  await advance(ids.phucXa, 'rated', {}, { rating: 'satisfied' });
  await advance(ids.district, 'rejected', { status: 'rejected' }, { reasonCode: 'out_of_scope' });
  await api.streams.drain();
  cityBefore = await totals('city');
  expect(cityBefore).toMatchObject({ received: 5, processed: 2, rated: 1 });
  expect(await totals('ward-00001')).toMatchObject({ received: 2, processed: 1 });

  // The operator seeds the 2025 catalog over the table (its ward table included), as `npm start` with AREA_CATALOG=2025 does.
  const { areas, mappings } = await loadCatalog('2025', ['01']);
  await seedReferenceData({ areas, provinceCode: '01', mappings });
  forgetAreas(); // a restart would start with an empty cache
}, 180_000);

describe('POST /dev/jobs/migrate-areas', () => {
  it('stops part-way, survives a crash, and a rerun finishes from its checkpoint', async () => {
    const first = await migrate({ pageSize: 1, stopAfterTickets: 2 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ done: false });
    expect(first.body.tickets.scanned).toBeLessThanOrEqual(2);

    // A crash in the middle of a ticket: its events are moved, its write never happens.
    let writes = 0;
    const crashing = { ...dependencies.tickets, update: async (...args: Parameters<typeof dependencies.tickets.update>) => (++writes > 1 ? Promise.reject(new Error('crash')) : dependencies.tickets.update(...args)) };
    await expect(migrateAreas({ ...dependencies, tickets: crashing, migration: dynamoAreaMigrationStore }, { pageSize: 1 })).rejects.toThrow('crash');

    const rest = await migrate();
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ done: true, resumed: true });
    expect(rest.body.reconciled.drift).toEqual([]);
  }, 180_000); // ~10 s alone; the whole suite in parallel on 2 cores has taken over 60 s

  it('puts tickets, their queue keys and their units on 2025 codes', async () => {
    for (const id of [ids.phucXa, ids.phucTan]) {
      const item = (await dynamoTicketStore.get(id))!;
      expect(item.location).toMatchObject({ wardCode: '00097' });
      expect(item.location.districtCode).toBeUndefined();
      expect(item.departmentId).toBe('ward-00097');
      const history = await api.request('GET', `/v1/tickets/${id}/history`, { token: admin });
      expect(history.body.items.at(-1)).toMatchObject({ type: 'area_migrated' });
    }
    expect((await dynamoTicketStore.get(ids.health))!.departmentId).toBe('city-health');
    // A district committee's ticket goes where the 2025 rules route its category in its ward.
    expect((await dynamoTicketStore.get(ids.district))!).toMatchObject({ departmentId: 'city-construction', location: { wardCode: '00004' } });
    const queue = await api.request('GET', '/v1/departments/ward-00097/tickets', { token: admin });
    expect(queue.body.items.map((t: { id: string }) => t.id).sort()).toEqual([ids.phucTan, ids.phucXa].sort());
    // Every event's snapshot moved too (what the counters and the reconciliation read).
    for (const event of await dynamoTicketStore.events(ids.phucXa)) expect((event as unknown as { ticket: { wardCode: string } }).ticket.wardCode).toBe('00097');
  });

  it('keeps the city totals, moves ward counters, and reconciles clean', async () => {
    expect(await totals('city')).toEqual(cityBefore);
    expect(await totals('ward-00097')).toMatchObject({ received: 3, processed: 1, rated: 1, satisfied: 1 });
    expect(await totals('ward-00001')).toMatchObject({ received: 0, processed: 0 });
    expect(await totals('department-ward-00097')).toMatchObject({ received: 2 });
    const reconcile = await api.request('POST', '/dev/jobs/reconcile-metrics', { body: { day: today } });
    expect(reconcile.body.drift).toEqual([]);
  });

  it('routes a new ticket in a merged ward to its 2025 committee', async () => {
    const staff = await api.token({ sub: 'staff', groups: ['staff'], departmentId: 'triage' });
    const preview = await api.request('POST', '/v1/routing/preview', { token: staff, body: { category: 'urban_order', wardCode: '00097' } });
    expect(preview.body).toMatchObject({ departmentId: 'ward-00097' });
    const id = await submit('urban_order', '00097');
    expect((await dynamoTicketStore.get(id))!).toMatchObject({ departmentId: 'ward-00097', location: { wardCode: '00097' } });
    expect((await dynamoTicketStore.get(id))!.location.districtCode).toBeUndefined();
  });

  it('retires the 2024 units and rules and rewrites the units whose code lives on', async () => {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await dependencies.departments.list({ limit: 100, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const byId = new Map(all.map((d) => [d.id, d]));
    expect(byId.get('district-001')).toMatchObject({ active: false });
    expect(byId.get('ward-00001')).toMatchObject({ active: false });
    expect(byId.get('ward-00004')).toMatchObject({ active: true, parentId: 'city-people-committee', areaCode: '00004' });
    expect(byId.get('ward-00004')!.districtCode).toBeUndefined();
    const rules = await dependencies.rules.all();
    expect(rules.find((r) => r.id === 'default-urban_order-00001')).toBeUndefined();
    expect(rules.find((r) => r.areaCode === '001')).toBeUndefined();
    expect(rules.find((r) => r.id === 'default-urban_order-00097')).toMatchObject({ departmentId: 'ward-00097' });
  });

  it('flags the ticket of a split ward for an admin instead of guessing', async () => {
    const ticket = (await dynamoTicketStore.get(ids.split))!;
    expect(ticket.location).toMatchObject({ wardCode: '00226', districtCode: '006' });
    const flags = await dynamoAreaMigrationStore.flags();
    expect(flags).toContainEqual(expect.objectContaining({ kind: 'ticket', id: ids.split, reason: 'split', oldCode: '00226', candidates: ['00226', '00229'] }));
    // A rule of a split ward's old unit is an admin's call too.
    expect(flags).toContainEqual(expect.objectContaining({ kind: 'rule', reason: 'unmapped', oldCode: '00010', detail: 'ward-00010' }));
  });

  it('a second run changes nothing', async () => {
    // The consumers first finish with the ticket the routing test filed.
    await api.streams.drain();
    const before = await tableState();
    const again = await migrate();
    expect(again.body).toMatchObject({ done: true, tickets: { migrated: 0, eventsMoved: 0 }, departments: { rewritten: 0, retired: 0 }, rules: { moved: 0, updated: 0, deleted: 0 } });
    await api.streams.drain();
    const after = await tableState();
    expect(after).toEqual(before);
  });

  describe('the admin routes over its flags', () => {
    const flagsPath = '/v1/area-migration/flags';
    const allFlags = async (query: string) => {
      const out: Array<Record<string, unknown>> = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<Record<string, unknown>>; nextCursor: string | null } } = await api.request('GET', `${flagsPath}?${query}${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
        expect(res.status).toBe(200);
        out.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return out;
    };

    it('list what the job flagged, by kind, page by page', async () => {
      const everything = await allFlags('limit=100');
      expect(everything).toContainEqual({ kind: 'ticket', id: ids.split, reason: 'split', oldCode: '00226', candidates: ['00226', '00229'], flaggedAt: expect.any(String) });
      expect(everything).toContainEqual(expect.objectContaining({ kind: 'rule', reason: 'unmapped', oldCode: '00010', detail: 'ward-00010' }));
      // as the job's own reply lists them
      expect(everything.map((f) => `${f.kind}#${f.id}`).sort()).toEqual((await dynamoAreaMigrationStore.flags()).map((f) => `${f.kind}#${f.id}`).sort());
      expect(await allFlags('limit=1')).toEqual(everything);
      const tickets = await allFlags('kind=ticket');
      expect(tickets.length).toBeGreaterThan(0);
      expect(tickets.every((f) => f.kind === 'ticket')).toBe(true);
      expect(tickets).toEqual(everything.filter((f) => f.kind === 'ticket'));
    });

    it('are for admins only', async () => {
      const staff = await api.token({ sub: 'staff-f', groups: ['staff'], departmentId: 'triage' });
      for (const token of [citizen, manager, staff]) {
        expect((await api.request('GET', flagsPath, { token })).status).toBe(403);
        expect((await api.request('PUT', `${flagsPath}/ticket/${ids.split}`, { token, body: { resolution: '00229' } })).status).toBe(403);
      }
      expect((await api.request('GET', flagsPath)).status).toBe(401);
      expect((await api.request('PUT', `${flagsPath}/ticket/${ids.split}`, { body: { resolution: '00229' } })).status).toBe(401);
    });

    it('take one of the candidates as a split ticket’s resolution, idempotently and at once', async () => {
      const put = (resolution: string) => api.request('PUT', `${flagsPath}/ticket/${ids.split}`, { token: admin, body: { resolution } });
      const [a, b] = await Promise.all([put('00229'), put('00229')]);
      for (const res of [a, b]) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body).toMatchObject({ kind: 'ticket', id: ids.split, reason: 'split', resolution: '00229', resolvedBy: 'admin', resolvedAt: expect.any(String) });
      }
      expect((await put('00229')).status).toBe(200);
      const stored = (await allFlags('kind=ticket')).find((f) => f.id === ids.split);
      expect(stored).toMatchObject({ resolution: '00229', resolvedBy: 'admin' });
      // nothing moves until the job runs again
      expect((await dynamoTicketStore.get(ids.split))!.location).toMatchObject({ wardCode: '00226', districtCode: '006' });
    });

    it('answer bad input with a problem, never a guess', async () => {
      const put = (path: string, body: unknown) => api.request('PUT', `${flagsPath}/${path}`, { token: admin, body });
      const notCandidate = await put(`ticket/${ids.split}`, { resolution: '00001' });
      expect(notCandidate.status).toBe(400);
      expect(notCandidate.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(notCandidate.body.errors).toEqual([{ path: 'body.resolution', message: 'one of 00226, 00229' }]);
      const extra = await put(`ticket/${ids.split}`, { resolution: '00229', departmentId: 'x' });
      expect(extra.status).toBe(400);
      expect(extra.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.departmentId']);
      expect((await put(`ticket/${ids.split}`, { resolution: 'Trung Tự' })).status).toBe(400);
      expect((await put(`planet/${ids.split}`, { resolution: '00229' })).status).toBe(400);
      expect((await put('ticket/01NOSUCHTICKET0000000000000', { resolution: '00229' })).status).toBe(404);
      const rule = (await allFlags('kind=rule'))[0]!;
      const notResolvable = await put(`rule/${rule.id}`, { resolution: '00229' });
      expect(notResolvable.status).toBe(422);
      expect(notResolvable.body.rule).toBe('flag_not_resolvable');
      expect((await api.request('GET', `${flagsPath}?kind=planet`, { token: admin })).status).toBe(400);
      expect((await api.request('GET', `${flagsPath}?cursor=${Buffer.from('{"pk":"CITIZEN#x","sk":"y"}').toString('base64url')}`, { token: admin })).status).toBe(400);
    });
  });

  it('moves a split ward’s ticket once an admin resolves its flag', async () => {
    const resolved = await api.request('PUT', `/v1/area-migration/flags/ticket/${ids.split}`, { token: admin, body: { resolution: '00229' } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const res = await migrate();
    expect(res.body.tickets.migrated).toBe(1);
    expect((await dynamoTicketStore.get(ids.split))!.location).toMatchObject({ wardCode: '00229' });
    expect(await totals('city')).toMatchObject({ received: 6 });
  });

  it('answers bad input with a 400 problem', async () => {
    const res = await migrate({ pageSize: 0, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.extra', 'body.pageSize']);
  });
});
