import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { complaintProcedureGuidance } from '../../shared/domain/workflow.js';
import { useTestApi } from '../support/api.js';
import { testClock } from '../support/clock.js';
import { categories, department, putDepartments, seedTicket, snapshot, putWorkflowReference } from '../support/tickets.js';
import { seedReadyUpload } from '../support/uploads.js';

// Pinned by the tests that assert exact deadlines; the wall clock for the rest.
const clock = testClock();
const api = useTestApi({ seed: false, clock });
afterEach(() => clock.follow());
let staffA: string;
let staffB: string;
let citizen: string;
let otherCitizen: string;
let manager: string;
let admin: string;

const answer = 'Đã vá ổ gà và dọn dẹp mặt đường sáng thứ Hai.';

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([
    department('wf-a', { parentId: 'wf-district', districtCode: '901' }),
    department('wf-b', { parentId: 'wf-district', districtCode: '901' }),
    department('wf-c', { parentId: 'wf-district', districtCode: '901' }),
    department('wf-district', { kind: 'district', parentId: 'wf-city', districtCode: '901' }),
    department('wf-city', { kind: 'city_department' }),
    department('wf-closed', { active: false }),
  ]);
  staffA = await api.token({ sub: 'staff-a', groups: ['staff'], departmentId: 'wf-a' });
  staffB = await api.token({ sub: 'staff-b', groups: ['staff'], departmentId: 'wf-b' });
  citizen = await api.token({ sub: 'citizen-1', groups: ['citizen'] });
  otherCitizen = await api.token({ sub: 'citizen-2', groups: ['citizen'] });
  manager = await api.token({ sub: 'manager-1', groups: ['manager'], scope: 'city' });
  admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
});

const act = (id: string, body: unknown, token = staffA) => api.request('POST', `/v1/tickets/${id}/actions`, { token, body });
const history = async (id: string, token = staffA) => (await api.request('GET', `/v1/tickets/${id}/history?limit=100`, { token })).body.items as Array<{ type: string; version: number; data: Record<string, unknown>; visibility: string }>;

describe('POST /v1/tickets/{id}/actions: every transition', () => {
  it('acknowledge → request_info → citizen comment → respond with evidence → close', async () => {
    const t = await seedTicket({ departmentId: 'wf-a', category: categories.evidence });

    const ack = await act(t.id, { action: 'acknowledge', expectedVersion: 1 });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'in_progress', version: 2, acknowledgedAt: expect.any(String) });

    const ask = await act(t.id, { action: 'request_info', expectedVersion: 2, message: 'Số nhà chính xác là bao nhiêu?' });
    expect(ask.body).toMatchObject({ status: 'needs_info', version: 3, pausedAt: expect.any(String) });

    const comment = await api.request('POST', `/v1/tickets/${t.id}/comments`, { token: citizen, body: { message: 'Số 12, ngõ 34' } });
    expect(comment.status).toBe(200);
    expect(comment.body).toMatchObject({ status: 'in_progress', version: 4 });
    expect(comment.body.pausedAt).toBeUndefined();

    const photo = await seedReadyUpload(staffA, 'evidence');
    const respond = await act(t.id, { action: 'respond', expectedVersion: 4, message: answer, evidence: [{ uploadId: photo }] });
    expect(respond.status).toBe(200);
    expect(respond.body).toMatchObject({ status: 'responded', version: 5, response: { message: answer, photos: [{ id: photo, width: 1024, height: 768 }], departmentId: 'wf-a' } });

    const close = await act(t.id, { action: 'close', expectedVersion: 5 });
    expect(close.body).toMatchObject({ status: 'closed', version: 6, closedAt: expect.any(String) });

    const events = await history(t.id);
    expect(events.map((e) => [e.version, e.type])).toEqual([
      [1, 'created'], [2, 'acknowledged'], [3, 'info_requested'], [4, 'commented'], [5, 'responded'], [6, 'closed'],
    ]);
    expect(events[3]!.data).toMatchObject({ message: 'Số 12, ngõ 34', resumed: true });
    // the stored ticket is the one the API returned (photo URLs are signed anew on every read)
    const unsigned = (t: unknown) => JSON.parse(JSON.stringify(t, (k, v) => (k === 'url' || k === 'thumbUrl' ? undefined : v)));
    expect(unsigned((await api.request('GET', `/v1/tickets/${t.id}`, { token: staffA })).body)).toEqual(unsigned(close.body));
  });

  it('a comment on an open ticket outside needs_info only adds information; closed tickets refuse it', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const res = await api.request('POST', `/v1/tickets/${t.id}/comments`, { token: citizen, body: { message: 'Thêm ảnh sau' } });
    expect(res.body).toMatchObject({ status: 'assigned', version: 2 });
    expect((await api.request('POST', `/v1/tickets/${t.id}/comments`, { token: otherCitizen, body: { message: 'not mine' } })).status).toBe(404);
    expect((await api.request('POST', `/v1/tickets/${t.id}/comments`, { token: staffA, body: { message: 'staff' } })).status).toBe(403);
    const closed = await seedTicket({ departmentId: 'wf-a', overrides: { status: 'closed' } });
    const refused = await api.request('POST', `/v1/tickets/${closed.id}/comments`, { token: citizen, body: { message: 'Again' } });
    expect(refused.status).toBe(422);
  });

  it('note: internal, no change of state', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const res = await act(t.id, { action: 'note', expectedVersion: 1, message: 'Đã gọi nhà thầu' });
    expect(res.body).toMatchObject({ status: 'assigned', version: 2 });
    expect((await history(t.id)).at(-1)).toMatchObject({ type: 'note_added', visibility: 'internal' });
  });

  it('set_severity recomputes the deadlines from the assignment', async () => {
    clock.set('2026-12-02T03:00:00.000Z'); // Wed 10:00 in Hanoi
    const t = await seedTicket({ departmentId: 'wf-a', now: clock.now() });
    clock.set('2026-12-02T05:00:00.000Z');
    const res = await act(t.id, { action: 'set_severity', expectedVersion: 1, severity: 'urgent' });
    expect(res.status).toBe(200);
    expect(res.body.severity).toBe('urgent');
    // urgent: 4 working hours from 10:00, lunch excluded, so 15:00 — counted from the assignment, not from the change at noon
    expect(res.body).toMatchObject({ ackDueAt: '2026-12-02T08:00:00.000Z', dueAt: '2026-12-02T08:00:00.000Z' });
    expect((await history(t.id)).at(-1)).toMatchObject({ type: 'severity_changed', data: { from: 'normal', to: 'urgent', dueAt: res.body.dueAt } });
  });

  it('reject with complaint_procedure tells the citizen where to file', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const res = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'complaint_procedure', message: 'Nội dung khiếu nại quyết định xử phạt' });
    expect(res.body).toMatchObject({ status: 'rejected', rejection: { reasonCode: 'complaint_procedure', complaintProcedure: complaintProcedureGuidance } });
    const seen = await api.request('GET', `/v1/tickets/${t.id}`, { token: citizen });
    expect(seen.body.rejection.complaintProcedure.vi).toContain('Ban Tiếp công dân');
  });

  it('reject as duplicate names an existing ticket', async () => {
    const original = await seedTicket({ departmentId: 'wf-a' });
    const t = await seedTicket({ departmentId: 'wf-a' });
    const missing = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Trùng' });
    expect(missing.status).toBe(400);
    const unknown = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Trùng', duplicateOf: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('body.duplicateOf');
    const ok = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Trùng', duplicateOf: original.id });
    expect(ok.body).toMatchObject({ status: 'rejected', rejection: { duplicateOf: original.id } });
  });

  it('reject as duplicate of a ticket the staff may not see answers as for an unknown one (no existence oracle)', async () => {
    const elsewhere = await seedTicket({ departmentId: 'wf-b' });
    const t = await seedTicket({ departmentId: 'wf-a' });
    const hidden = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Trùng', duplicateOf: elsewhere.id });
    const absent = await act(t.id, { action: 'reject', expectedVersion: 1, reasonCode: 'duplicate', message: 'Trùng', duplicateOf: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors).toEqual([{ path: 'body.duplicateOf', message: `unknown ticket "${elsewhere.id}"` }]);
    expect(absent.body.errors).toEqual([{ path: 'body.duplicateOf', message: 'unknown ticket "01ARZ3NDEKTSV4RRFFQ69G5FAV"' }]);
    expect((await snapshot(t.id)).item?.version).toBe(1);
  });

  it('transfer moves the ticket between queues, restarting its deadlines', async () => {
    const t = await seedTicket({ departmentId: 'wf-a', now: new Date('2026-11-30T03:00:00.000Z') });
    clock.set('2026-12-03T02:00:00.000Z'); // Thu 09:00 in Hanoi
    const res = await act(t.id, { action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-b', reason: 'Thuộc địa bàn phường B' });
    expect(res.status).toBe(200);
    // every deadline counts again from the transfer: acknowledge by Fri 09:00, answer by next Thu 09:00
    expect(res.body).toMatchObject({ departmentId: 'wf-b', status: 'assigned', transferCount: 1, assignedAt: '2026-12-03T02:00:00.000Z', ackDueAt: '2026-12-04T02:00:00.000Z', dueAt: '2026-12-10T02:00:00.000Z' });
    clock.follow();
    const queueA = await api.request('GET', '/v1/departments/wf-a/tickets?limit=100', { token: staffA });
    const queueB = await api.request('GET', '/v1/departments/wf-b/tickets?limit=100', { token: staffB });
    expect(queueA.body.items.map((x: { id: string }) => x.id)).not.toContain(t.id);
    expect(queueB.body.items.map((x: { id: string }) => x.id)).toContain(t.id);
    // the old department no longer sees it; the new one acts on it and sees its whole history
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 2 })).status).toBe(404);
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 2 }, staffB)).status).toBe(200);
    expect((await history(t.id, staffB)).map((e) => e.type)).toEqual(['created', 'transferred', 'acknowledged']);
  });

  it('the third transfer goes to the parent unit of the last department, flagged', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const one = await act(t.id, { action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-b', reason: 'B' });
    const two = await act(t.id, { action: 'transfer', expectedVersion: 2, toDepartmentId: 'wf-c', reason: 'C' }, staffB);
    expect([one.status, two.status]).toEqual([200, 200]);
    const staffC = await api.token({ sub: 'staff-c', groups: ['staff'], departmentId: 'wf-c' });
    const three = await act(t.id, { action: 'transfer', expectedVersion: 3, toDepartmentId: 'wf-a', reason: 'Back to A' }, staffC);
    expect(three.status).toBe(200);
    expect(three.body).toMatchObject({ departmentId: 'wf-district', transferCount: 3, transferLimitReached: true });
    expect((await history(t.id, admin)).at(-1)).toMatchObject({ type: 'transferred', data: { from: 'wf-c', to: 'wf-district', requestedTo: 'wf-a', limitReached: true } });
    // it climbs, and stops at a unit without a parent
    const four = await act(t.id, { action: 'transfer', expectedVersion: 4, toDepartmentId: 'wf-a', reason: 'Up' }, admin);
    expect(four.body.departmentId).toBe('wf-city');
    const five = await act(t.id, { action: 'transfer', expectedVersion: 5, toDepartmentId: 'wf-a', reason: 'Again' }, admin);
    expect(five.status).toBe(422);
    expect(five.body.rule).toBe('transfer_limit');
  });
});

describe('bad requests are 4xx problems and write nothing', () => {
  const cases: Array<[string, (id: string) => unknown, number, string?]> = [
    ['missing expectedVersion', () => ({ action: 'acknowledge' }), 400],
    ['stale expectedVersion', () => ({ action: 'acknowledge', expectedVersion: 7 }), 409],
    ['unknown action', () => ({ action: 'escalate', expectedVersion: 1 }), 400],
    ['server-owned field', () => ({ action: 'acknowledge', expectedVersion: 1, status: 'closed' }), 400],
    ['answer under 20 characters', () => ({ action: 'respond', expectedVersion: 1, message: 'Đã xử lý.' }), 400],
    ['answer without required evidence', () => ({ action: 'respond', expectedVersion: 1, message: answer }), 422, 'evidence_required'],
    ['action not allowed in the state', () => ({ action: 'close', expectedVersion: 1 }), 422, 'close_not_allowed_when_in_progress'],
    ['unknown transfer target', () => ({ action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-nowhere', reason: 'x' }), 400],
    ['inactive transfer target', () => ({ action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-closed', reason: 'x' }), 422, 'transfer_target_inactive'],
    ['transfer to the same department', () => ({ action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-a', reason: 'x' }), 422, 'transfer_same_department'],
    ['same severity', () => ({ action: 'set_severity', expectedVersion: 1, severity: 'normal' }), 422, 'severity_unchanged'],
    ['unknown reason code', () => ({ action: 'reject', expectedVersion: 1, reasonCode: 'boring', message: 'x' }), 400],
  ];

  for (const [name, body, status, rule] of cases) {
    it(`${name} → ${status}`, async () => {
      const t = await seedTicket({ departmentId: 'wf-a', category: categories.evidence, overrides: { status: 'in_progress' } });
      const before = await snapshot(t.id);
      const res = await act(t.id, body(t.id));
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      if (status === 409) expect(res.body.currentVersion).toBe(1);
      if (rule) expect(res.body.rule).toBe(rule);
      expect(await snapshot(t.id)).toEqual(before);
    });
  }

  it('names the bad fields', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const res = await act(t.id, { action: 'respond', message: 'short' });
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.expectedVersion', 'body.message']);
    const unknown = await act(t.id, { action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-nowhere', reason: 'x' });
    expect(unknown.body.errors).toEqual([{ path: 'body.toDepartmentId', message: 'unknown department "wf-nowhere"' }]);
  });
});

describe('who may act', () => {
  it('citizens and managers get 403, other departments’ staff 404, admins may act', async () => {
    const t = await seedTicket({ departmentId: 'wf-a' });
    const before = await snapshot(t.id);
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 1 }, citizen)).status).toBe(403);
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 1 }, manager)).status).toBe(403);
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 1 }, staffB)).status).toBe(404);
    expect((await act('01ARZ3NDEKTSV4RRFFQ69G5FAV', { action: 'acknowledge', expectedVersion: 1 })).status).toBe(404);
    expect((await api.request('POST', `/v1/tickets/${t.id}/actions`, { body: { action: 'acknowledge', expectedVersion: 1 } })).status).toBe(401);
    expect(await snapshot(t.id)).toEqual(before);
    expect((await act(t.id, { action: 'acknowledge', expectedVersion: 1 }, admin)).status).toBe(200);
  });
});

describe('concurrency', () => {
  it('three responders on one version: exactly one wins, the others get 409 with the current version', async () => {
    const t = await seedTicket({ departmentId: 'wf-a', overrides: { status: 'in_progress' } });
    const results = await Promise.all(
      [1, 2, 3].map((n) => act(t.id, { action: 'respond', expectedVersion: 1, message: `${answer} (trả lời ${n})` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.currentVersion).toBe(2);
    const events = await history(t.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'responded']);
    const winner = results.find((r) => r.status === 200)!;
    expect(events[1]!.data.message).toBe(winner.body.response.message);
  });
});

describe('deadlines follow the holiday calendar', () => {
  it('a transfer after an admin adds a holiday skips that day', async () => {
    clock.set('2026-12-02T03:00:00.000Z'); // Wed 10:00 in Hanoi; Thursday becomes a holiday
    const current = (await api.request('GET', '/v1/calendar/holidays/2026', { token: admin })).body.dates as string[];
    const put = await api.request('PUT', '/v1/calendar/holidays/2026', { token: admin, body: { dates: [...current, '2026-12-03'] } });
    expect(put.status).toBe(200);

    const t = await seedTicket({ departmentId: 'wf-a', now: clock.now() });
    const res = await act(t.id, { action: 'transfer', expectedVersion: 1, toDepartmentId: 'wf-b', reason: 'B' });
    // 40 working hours from Wed 10:00 land on Wed 12-09 10:00; skipping Thursday, on Thu 12-10 10:00
    expect(res.body).toMatchObject({ assignedAt: '2026-12-02T03:00:00.000Z', ackDueAt: '2026-12-04T03:00:00.000Z', dueAt: '2026-12-10T03:00:00.000Z' });
  });
});
