import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { department, putDepartments, seedTicket, putWorkflowReference } from '../support/tickets.js';

const api = useTestApi({ seed: false });
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((t) => t.id);
let staff: string;
const hour = 3_600_000;
const base = Date.parse('2026-11-23T01:00:00Z'); // Monday 08:00 local
let due: string[];

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([
    department('q-a', { districtCode: '801', parentId: 'q-district' }),
    department('q-b', { districtCode: '802' }),
    department('q-district', { kind: 'district', districtCode: '801' }),
  ]);
  staff = await api.token({ sub: 'q-staff', groups: ['staff'], departmentId: 'q-a' });
  // created in an order unrelated to their deadlines
  const made = [];
  for (const [offsetH, urgent] of [[30, false], [2, true], [10, false], [0, false], [5, true]] as const) {
    made.push(await seedTicket({ departmentId: 'q-a', now: new Date(base + offsetH * hour), urgent, districtCode: '801' }));
  }
  due = made.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1)).map((t) => t.id);
  await seedTicket({ departmentId: 'q-a', overrides: { status: 'closed' } });
  await seedTicket({ departmentId: 'q-a', overrides: { status: 'rejected' } });
  await seedTicket({ departmentId: 'q-a', overrides: { status: 'in_progress', overdue: true, dueAt: '2026-11-01T00:00:00.000Z' } });
  await seedTicket({ departmentId: 'q-b' });
});

describe('GET /v1/departments/{id}/tickets', () => {
  it('lists open tickets soonest due first, page by page', async () => {
    const all = await api.request('GET', '/v1/departments/q-a/tickets?limit=100', { token: staff });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(6);
    const dueAts = all.body.items.map((t: { dueAt: string }) => t.dueAt);
    expect(dueAts).toEqual([...dueAts].sort());
    expect(ids(all).slice(1)).toEqual(due);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.request('GET', `/v1/departments/q-a/tickets?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: staff });
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all));
  });

  it('filters by status and by the overdue flag; closed and rejected read the done tickets', async () => {
    const overdue = await api.request('GET', '/v1/departments/q-a/tickets?overdue=true', { token: staff });
    expect(overdue.body.items.map((t: { status: string; overdue: boolean }) => [t.status, t.overdue])).toEqual([['in_progress', true]]);
    const notOverdue = await api.request('GET', '/v1/departments/q-a/tickets?overdue=false&limit=100', { token: staff });
    expect(notOverdue.body.items).toHaveLength(5);
    const assigned = await api.request('GET', '/v1/departments/q-a/tickets?status=assigned&limit=100', { token: staff });
    expect(ids(assigned)).toEqual(due);
    const closed = await api.request('GET', '/v1/departments/q-a/tickets?status=closed', { token: staff });
    expect(closed.body.items.map((t: { status: string }) => t.status)).toEqual(['closed']);
    const rejected = await api.request('GET', '/v1/departments/q-a/tickets?status=rejected', { token: staff });
    expect(rejected.body.items.map((t: { status: string }) => t.status)).toEqual(['rejected']);
  });

  it('is scoped: other departments’ staff 403, managers within their scope, admins', async () => {
    const other = await api.token({ sub: 'q-staff-b', groups: ['staff'], departmentId: 'q-b' });
    expect((await api.request('GET', '/v1/departments/q-a/tickets', { token: other })).status).toBe(403);
    const city = await api.token({ sub: 'm-city', groups: ['manager'], scope: 'city' });
    expect((await api.request('GET', '/v1/departments/q-a/tickets', { token: city })).status).toBe(200);
    expect((await api.request('GET', '/v1/departments/q-nowhere/tickets', { token: city })).status).toBe(404);
    const district = await api.token({ sub: 'm-801', groups: ['manager'], scope: 'district-801' });
    const inScope = await api.request('GET', '/v1/departments/q-a/tickets?limit=1', { token: district });
    expect(inScope.status).toBe(200);
    // Issue 17 (minimise): a manager's row is the unit's ticket without its citizen; the unit's own staff see who filed it.
    expect(inScope.body.items[0]).toMatchObject({ departmentId: 'q-a', location: { wardCode: '00001' } });
    expect(inScope.body.items[0]).not.toHaveProperty('citizenId');
    expect((await api.request('GET', '/v1/departments/q-a/tickets?limit=1', { token: staff })).body.items[0].citizenId).toBe('citizen-1');
    expect((await api.request('GET', '/v1/departments/q-district/tickets', { token: district })).status).toBe(200);
    expect((await api.request('GET', '/v1/departments/q-b/tickets', { token: district })).status).toBe(403);
    const admin = await api.token({ sub: 'adm', groups: ['admin'] });
    expect((await api.request('GET', '/v1/departments/q-b/tickets', { token: admin })).body.items).toHaveLength(1);
    const citizen = await api.token({ sub: 'c', groups: ['citizen'] });
    expect((await api.request('GET', '/v1/departments/q-a/tickets', { token: citizen })).status).toBe(403);
  });

  it('rejects bad queries and foreign cursors with 400', async () => {
    expect((await api.request('GET', '/v1/departments/q-a/tickets?status=lost', { token: staff })).status).toBe(400);
    expect((await api.request('GET', '/v1/departments/q-a/tickets?overdue=yes', { token: staff })).status).toBe(400);
    expect((await api.request('GET', '/v1/departments/q-a/tickets?limit=0', { token: staff })).status).toBe(400);
    const admin = await api.token({ sub: 'adm', groups: ['admin'] });
    const page = await api.request('GET', '/v1/departments/q-a/tickets?limit=1', { token: admin });
    const foreign = await api.request('GET', `/v1/departments/q-b/tickets?cursor=${page.body.nextCursor}`, { token: admin });
    expect(foreign.status).toBe(400);
  });
});
