import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { eventually } from '../support/eventually.js';

const api = useTestApi({ catalog: 'full' });
let admin: string;
let citizen: string;
let manager: string;

beforeAll(async () => {
  admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
  citizen = await api.token({ sub: 'citizen-1', groups: ['citizen'] });
  manager = await api.token({ sub: 'manager-1', groups: ['manager'], scope: 'city' });
});

describe('areas', () => {
  it('lists provinces, then a province’s districts, then a district’s wards, with Vietnamese names and types', async () => {
    const provinces = await api.request('GET', '/v1/areas');
    expect(provinces.body.items).toEqual([expect.objectContaining({ code: '01', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', type: 'thanh-pho', level: 'province' })]);
    const codes: string[] = [];
    let cursor = '';
    do {
      const page = await api.request('GET', `/v1/areas?parent=01&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      codes.push(...page.body.items.map((a: { code: string }) => a.code));
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    expect(codes).toHaveLength(30);
    const wards = await api.request('GET', '/v1/areas?parent=001&limit=100');
    expect(wards.body.items).toHaveLength(14);
    expect(wards.body.items[0]).toMatchObject({ code: '00001', nameWithType: 'Phường Phúc Xá', type: 'phuong', level: 'ward', districtCode: '001' });
  });

  it('gets one area; 404 for an unknown code, 400 for a malformed one', async () => {
    expect((await api.request('GET', '/v1/areas/001')).body).toMatchObject({ name: 'Ba Đình', type: 'quan', level: 'district', parentCode: '01' });
    expect((await api.request('GET', '/v1/areas/99999')).status).toBe(404);
    expect((await api.request('GET', '/v1/areas/abc')).status).toBe(400);
    expect((await api.request('GET', '/v1/areas?parent=1')).status).toBe(400);
  });
});

describe('departments', () => {
  it('lists them page by page without a token', async () => {
    const first = await api.request('GET', '/v1/departments?limit=100');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(100);
    let total = first.body.items.length;
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api.request('GET', `/v1/departments?limit=100&cursor=${cursor}`);
      total += page.body.items.length;
      cursor = page.body.nextCursor;
    }
    expect(total).toBe(579 + 30 + 11);
  });

  it('lets an admin create and replace one, with its district derived from its area', async () => {
    const body = { name: { vi: 'Ban quản lý dự án', en: 'Project board' }, kind: 'district', areaCode: '00004', parentId: 'district-001', active: true };
    const created = await api.request('PUT', '/v1/departments/board-1', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'board-1', ...body, districtCode: '001' });
    expect((await api.request('PUT', '/v1/departments/board-1', { token: admin, body: { ...body, active: false } })).status).toBe(200);
  });

  it('rejects unknown areas and parents (400), cycles (409), other roles (403)', async () => {
    const body = { name: { vi: 'X', en: 'X' }, kind: 'district', areaCode: '99999', parentId: 'nobody', active: true };
    const bad = await api.request('PUT', '/v1/departments/x-1', { token: admin, body });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.areaCode', 'body.parentId']);
    const cycle = await api.request('PUT', '/v1/departments/district-001', { token: admin, body: { ...body, areaCode: '001', parentId: 'ward-00001' } });
    expect(cycle.status).toBe(409);
    const self = await api.request('PUT', '/v1/departments/city-people-committee', { token: admin, body: { ...body, areaCode: '01', parentId: 'city-people-committee' } });
    expect(self.status).toBe(409);
    for (const token of [citizen, manager]) expect((await api.request('PUT', '/v1/departments/x-1', { token, body })).status).toBe(403);
  });
});

describe('categories', () => {
  it('lets an admin change a deadline policy, seen by the next reader', async () => {
    const body = {
      name: { vi: 'Y tế', en: 'Health' },
      defaultSeverity: 'complex',
      policy: { acknowledgeHours: 4, answerHours: { urgent: 2, complex: 60, normal: 30 } },
      evidenceRequired: true,
      active: true,
    };
    const res = await api.request('PUT', '/v1/categories/health', { token: admin, body });
    expect(res.status).toBe(200);
    await eventually(async () => {
      const list = await api.request('GET', '/v1/categories');
      expect(list.body.items.find((c: { code: string }) => c.code === 'health')).toEqual({ code: 'health', ...body });
    });
    expect((await api.request('PUT', '/v1/categories/new_field', { token: admin, body })).status).toBe(201);
  });

  it('hides inactive categories and refuses tickets in them', async () => {
    const body = { name: { vi: 'Tạm', en: 'Temp' }, defaultSeverity: 'normal', policy: { acknowledgeHours: 8, answerHours: { urgent: 4, complex: 80, normal: 40 } }, evidenceRequired: false, active: false };
    await api.request('PUT', '/v1/categories/retired', { token: admin, body });
    await eventually(async () => {
      const res = await api.request('POST', '/v1/tickets', { token: citizen, body: { category: 'retired', description: 'Something for a retired category', location: { wardCode: '00001' } } });
      expect(res.status).toBe(400);
    }, { interval: 250 });
    expect((await api.request('GET', '/v1/categories')).body.items.some((c: { code: string }) => c.code === 'retired')).toBe(false);
  });

  it('validates the policy and refuses other roles', async () => {
    const res = await api.request('PUT', '/v1/categories/health', { token: admin, body: { name: { vi: '', en: 'x' }, defaultSeverity: 'meh', policy: { acknowledgeHours: -1, answerHours: {} }, evidenceRequired: 'yes', active: true } });
    expect(res.status).toBe(400);
    expect(res.body.errors.length).toBeGreaterThanOrEqual(5);
    expect((await api.request('PUT', '/v1/categories/health', { token: citizen, body: {} })).status).toBe(403);
  });
});
