import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { categories, department, putDepartments, seedTicket, putWorkflowReference } from '../support/tickets.js';

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

describe('queue filters the console uses, and what each row carries', () => {
  let mine: string;
  let unclaimed: string;
  let inWard: string;
  let doneId: string;
  beforeAll(async () => {
    await putDepartments([department('qf', { districtCode: '801' })]);
    const t1 = await seedTicket({ departmentId: 'qf', now: new Date(base) });
    const t2 = await seedTicket({ departmentId: 'qf', now: new Date(base + hour), category: categories.evidence });
    const t3 = await seedTicket({ departmentId: 'qf', now: new Date(base + 2 * hour), overrides: { location: { wardCode: '00004' } } });
    const done = await seedTicket({ departmentId: 'qf', overrides: { status: 'closed' } });
    const qfStaff = await api.token({ sub: 'qf-staff', groups: ['staff'], departmentId: 'qf', name: 'Bình' });
    const claim = await api.request('POST', `/v1/tickets/${t1.id}/actions`, { token: qfStaff, body: { action: 'claim', expectedVersion: 1 } });
    expect(claim.status).toBe(200);
    [mine, unclaimed, inWard, doneId] = [t1.id, t2.id, t3.id, done.id];
  });
  const queue = async (query: string, sub = 'qf-staff') => {
    const token = await api.token({ sub, groups: ['staff'], departmentId: 'qf' });
    return api.request('GET', `/v1/departments/qf/tickets?limit=100&${query}`, { token });
  };

  it('assignee=me: what the caller holds; unassigned (and its alias none): what nobody holds', async () => {
    expect(ids(await queue('assignee=me'))).toEqual([mine]);
    expect(ids(await queue('assignee=me', 'qf-colleague'))).toEqual([]);
    expect(ids(await queue('assignee=unassigned'))).toEqual([unclaimed, inWard]);
    expect(ids(await queue('assignee=none'))).toEqual([unclaimed, inWard]);
  });

  it('category and wardCode, alone and together with the others', async () => {
    expect(ids(await queue(`category=${categories.evidence.code}`))).toEqual([unclaimed]);
    expect(ids(await queue('wardCode=00004'))).toEqual([inWard]);
    expect(ids(await queue('wardCode=00004&assignee=me'))).toEqual([]);
    expect(ids(await queue(`category=${categories.plain.code}&assignee=unassigned&status=assigned`))).toEqual([inWard]);
  });

  it('q: a ticket id finds that ticket if it is in this queue and passes the filters; else nothing', async () => {
    expect(ids(await queue(`q=${unclaimed}`))).toEqual([unclaimed]);
    expect(ids(await queue(`q=${unclaimed.toLowerCase()}`))).toEqual([unclaimed]);
    expect(ids(await queue(`q=${unclaimed}&assignee=me`))).toEqual([]);
    // a closed ticket is found only when reading the done tickets, as without q
    expect(ids(await queue(`q=${doneId}`))).toEqual([]);
    expect(ids(await queue(`q=${doneId}&status=closed`))).toEqual([doneId]);
    // another department's ticket is not in this queue
    const elsewhere = await seedTicket({ departmentId: 'q-b' });
    expect(ids(await queue(`q=${elsewhere.id}`))).toEqual([]);
    expect((await queue(`q=${unclaimed}`)).body.nextCursor).toBeNull();
  });

  it('rows carry the deadlines, the working hours left, severity, category, ward, counts and the assignee', async () => {
    const row = (await queue(`q=${mine}`)).body.items[0];
    expect(row).toMatchObject({
      dueAt: expect.any(String),
      ackDueAt: expect.any(String),
      severity: 'normal',
      category: categories.plain.code,
      location: { wardCode: '00001' },
      transferCount: 0,
      reopenCount: 0,
      overdue: false,
      assignee: { userId: 'qf-staff', name: 'Bình' },
      timeLeft: { workingHoursLeft: expect.any(Number), ackWorkingHoursLeft: expect.any(Number), clockStopped: false, asOf: expect.any(String) },
    });
    // created in November 2026 and read now: long past its deadline, in working hours
    expect(row.timeLeft.workingHoursLeft).toBeLessThan(0);
    const done = (await queue(`q=${doneId}&status=closed`)).body.items[0];
    expect(done.timeLeft).toMatchObject({ workingHoursLeft: null, ackWorkingHoursLeft: null });
  });

  it('bad filters are 400 problem+json', async () => {
    for (const bad of ['assignee=someone', 'wardCode=1', 'category=Roads!', 'q=', 'q=not-a-ticket', `q=${'A'.repeat(65)}`]) {
      const res = await queue(bad);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type'), bad).toMatch(/problem\+json/);
    }
    const token = await api.token({ sub: 'qf-staff', groups: ['staff'], departmentId: 'qf' });
    const page = await api.request('GET', '/v1/departments/qf/tickets?limit=1', { token });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const withCursor = await api.request('GET', `/v1/departments/qf/tickets?q=${mine}&cursor=${page.body.nextCursor}`, { token });
    expect(withCursor.status).toBe(400);
    expect(withCursor.body.errors).toEqual([{ path: 'query.cursor', message: 'not with q' }]);
  });
});
