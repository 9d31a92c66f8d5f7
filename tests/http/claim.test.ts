import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { department, putDepartments, putWorkflowReference, seedTicket, snapshot } from '../support/tickets.js';

const api = useTestApi({ seed: false });
let bình: string;
let cường: string;
let otherUnit: string;
let admin: string;
let citizen: string;

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([department('cl-a', { parentId: 'cl-up' }), department('cl-b'), department('cl-up', { kind: 'district' })]);
  bình = await api.token({ sub: 'staff-binh', groups: ['staff'], departmentId: 'cl-a', name: 'Trần Thị Bình' });
  cường = await api.token({ sub: 'staff-cuong', groups: ['staff'], departmentId: 'cl-a' });
  otherUnit = await api.token({ sub: 'staff-b', groups: ['staff'], departmentId: 'cl-b' });
  admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
  citizen = await api.token({ sub: 'citizen-1', groups: ['citizen'] });
});

const act = (id: string, body: unknown, token: string) => api.request('POST', `/v1/tickets/${id}/actions`, { token, body });
const history = async (id: string, token = bình) => (await api.request('GET', `/v1/tickets/${id}/history?limit=100`, { token })).body.items as Array<{ type: string; visibility: string; data: any; actor: any }>;

describe('claim and release (POST /v1/tickets/{id}/actions)', () => {
  it('claim: the caller becomes the assignee, at the next version, with an internal event; release hands it back', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    const claimed = await act(t.id, { action: 'claim', expectedVersion: 1 }, bình);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ version: 2, status: 'assigned', assignee: { userId: 'staff-binh', name: 'Trần Thị Bình', since: expect.any(String) } });

    const released = await act(t.id, { action: 'release', expectedVersion: 2 }, bình);
    expect(released.status).toBe(200);
    expect(released.body.version).toBe(3);
    expect(released.body).not.toHaveProperty('assignee');

    const events = await history(t.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([['created', 'public'], ['claimed', 'internal'], ['released', 'internal']]);
    expect(events[1]).toMatchObject({ actor: { id: 'staff-binh', role: 'staff' }, data: { assignee: { userId: 'staff-binh', name: 'Trần Thị Bình' } } });
    // the citizen sees neither the events nor who holds the ticket
    expect((await history(t.id, citizen)).map((e) => e.type)).toEqual(['created']);
    await act(t.id, { action: 'claim', expectedVersion: 3 }, bình);
    const mine = await api.request('GET', `/v1/tickets/${t.id}`, { token: citizen });
    expect(mine.status).toBe(200);
    expect(mine.body).not.toHaveProperty('assignee');
  });

  it('is version-checked like every action: a stale claim is 409 with currentVersion and writes nothing', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    await act(t.id, { action: 'note', expectedVersion: 1, message: 'called' }, bình);
    const before = await snapshot(t.id);
    const stale = await act(t.id, { action: 'claim', expectedVersion: 1 }, cường);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 2 });
    expect(await snapshot(t.id)).toEqual(before);
  });

  it('two colleagues claiming at once: exactly one holds it, the other gets 409 (both decided on version 1)', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    const results = await Promise.all([act(t.id, { action: 'claim', expectedVersion: 1 }, bình), act(t.id, { action: 'claim', expectedVersion: 1 }, cường)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body.assignee.userId;
    const { item, events } = await snapshot(t.id);
    expect(item!.assignee.userId).toBe(winner);
    expect(events!.filter((e) => e.type === 'claimed')).toHaveLength(1);
  });

  it('a held ticket: the holder again or a colleague are refused (422), with the rule', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    await act(t.id, { action: 'claim', expectedVersion: 1 }, bình);
    const again = await act(t.id, { action: 'claim', expectedVersion: 2 }, bình);
    expect(again).toMatchObject({ status: 422, body: { rule: 'already_assignee' } });
    const colleague = await act(t.id, { action: 'claim', expectedVersion: 2 }, cường);
    expect(colleague).toMatchObject({ status: 422, body: { rule: 'claimed_by_other' } });
    expect(colleague.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('release: not by a colleague (403); an admin may free it; nothing held is 422', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    await act(t.id, { action: 'claim', expectedVersion: 1 }, bình);
    expect((await act(t.id, { action: 'release', expectedVersion: 2 }, cường)).status).toBe(403);
    const freed = await act(t.id, { action: 'release', expectedVersion: 2 }, admin);
    expect(freed.status).toBe(200);
    expect(freed.body).not.toHaveProperty('assignee');
    expect(await act(t.id, { action: 'release', expectedVersion: 3 }, bình)).toMatchObject({ status: 422, body: { rule: 'not_claimed' } });
  });

  it('only the staff of the ticket’s department claim: another unit’s staff 404 (cannot see it), admins 403', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    expect((await act(t.id, { action: 'claim', expectedVersion: 1 }, otherUnit)).status).toBe(404);
    expect((await act(t.id, { action: 'claim', expectedVersion: 1 }, admin)).status).toBe(403);
    expect((await snapshot(t.id)).events).toHaveLength(1);
  });

  it('closed and rejected tickets cannot be claimed (422); a transfer clears the assignee', async () => {
    const closed = await seedTicket({ departmentId: 'cl-a', overrides: { status: 'closed' } });
    expect(await act(closed.id, { action: 'claim', expectedVersion: 1 }, bình)).toMatchObject({ status: 422, body: { rule: 'claim_not_allowed_when_closed' } });
    const t = await seedTicket({ departmentId: 'cl-a' });
    await act(t.id, { action: 'claim', expectedVersion: 1 }, bình);
    const moved = await act(t.id, { action: 'transfer', expectedVersion: 2, toDepartmentId: 'cl-b', reason: 'Their street' }, bình);
    expect(moved.status).toBe(200);
    expect(moved.body).not.toHaveProperty('assignee');
  });

  it('bad bodies are 400: unknown fields (a client cannot name the assignee)', async () => {
    const t = await seedTicket({ departmentId: 'cl-a' });
    const res = await act(t.id, { action: 'claim', expectedVersion: 1, assignee: 'staff-cuong' }, bình);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.assignee', message: 'unknown or server-owned field' }]);
    expect((await act(t.id, { action: 'claim' }, bình)).status).toBe(400);
  });
});
