import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { department, putDepartments, seedTicket, putWorkflowReference } from '../support/tickets.js';

const api = useTestApi({ seed: false });
let ticketId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([department('h-a', { districtCode: '701' })]);
  tokens.owner = await api.token({ sub: 'h-owner', groups: ['citizen'] });
  tokens.stranger = await api.token({ sub: 'h-stranger', groups: ['citizen'] });
  tokens.staff = await api.token({ sub: 'h-staff', groups: ['staff'], departmentId: 'h-a' });
  tokens.otherStaff = await api.token({ sub: 'h-other', groups: ['staff'], departmentId: 'h-b' });
  tokens.manager = await api.token({ sub: 'h-m', groups: ['manager'], scope: 'district-701' });
  tokens.otherManager = await api.token({ sub: 'h-m2', groups: ['manager'], scope: 'district-702' });
  tokens.admin = await api.token({ sub: 'h-admin', groups: ['admin'] });
  const t = await seedTicket({ departmentId: 'h-a', citizenId: 'h-owner', districtCode: '701' });
  ticketId = t.id;
  const act = (body: object) => api.request('POST', `/v1/tickets/${ticketId}/actions`, { token: tokens.staff, body });
  await act({ action: 'acknowledge', expectedVersion: 1 });
  await act({ action: 'note', expectedVersion: 2, message: 'Người dân đã gọi điện, nội bộ' });
  await act({ action: 'request_info', expectedVersion: 3, message: 'Xin ảnh chụp rõ hơn' });
  await api.request('POST', `/v1/tickets/${ticketId}/comments`, { token: tokens.owner, body: { message: 'Đã gửi ảnh' } });
});

const get = (who: string, query = '') => api.request('GET', `/v1/tickets/${ticketId}/history${query}`, { token: tokens[who] });

describe('GET /v1/tickets/{id}/history', () => {
  it('shows staff, managers in scope and admins every event, notes included, oldest first', async () => {
    for (const who of ['staff', 'manager', 'admin']) {
      const res = await get(who);
      expect(res.status, who).toBe(200);
      expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['created', 'acknowledged', 'note_added', 'info_requested', 'commented']);
      expect(res.body.items[1].actor).toEqual({ id: 'h-staff', role: 'staff' });
    }
  });

  it('shows the owner public events only, staff by role', async () => {
    const res = await get('owner');
    expect(res.body.items.map((e: { type: string }) => e.type)).toEqual(['created', 'acknowledged', 'info_requested', 'commented']);
    expect(res.body.items[1].actor).toEqual({ id: 'staff', role: 'staff' });
    expect(res.body.items[3].actor).toEqual({ id: 'h-owner', role: 'citizen' });
    expect(JSON.stringify(res.body)).not.toContain('nội bộ');
  });

  it('is a 404 for anyone who may not see the ticket', async () => {
    for (const who of ['stranger', 'otherStaff', 'otherManager']) expect((await get(who)).status, who).toBe(404);
    const missing = await api.request('GET', '/v1/tickets/01ARZ3NDEKTSV4RRFFQ69G5FAV/history', { token: tokens.admin });
    expect(missing.status).toBe(404);
  });

  it('pages with a cursor, and a citizen’s pages skip internal events', async () => {
    const first = await get('owner', '?limit=2');
    expect(first.body.items.map((e: { version: number }) => e.version)).toEqual([1, 2]);
    const second = await get('owner', `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e: { version: number }) => e.version)).toEqual([4, 5]);
    expect(second.body.nextCursor).toBeNull();
  });
});
