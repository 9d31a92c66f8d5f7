import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';

const api = useTestApi();

const me = async (claims: Parameters<typeof api.token>[0]) => api.request('GET', '/v1/me', { token: await api.token(claims) });

describe('GET /v1/me', () => {
  it('staff: role, name and their department with its names', async () => {
    const res = await me({ sub: 'ward-officer', groups: ['staff'], departmentId: 'ward-00001', name: 'Trần Thị Bình' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: 'ward-officer',
      role: 'staff',
      name: 'Trần Thị Bình',
      departmentId: 'ward-00001',
      department: { id: 'ward-00001', name: { vi: 'UBND Phường Phúc Xá', en: "People's Committee of Phúc Xá ward" }, kind: 'ward', active: true },
    });
  });

  it('staff of a department that does not exist: the id as the token says, no department', async () => {
    const res = await me({ sub: 's', groups: ['staff'], departmentId: 'gone-unit' });
    expect(res.body).toEqual({ userId: 's', role: 'staff', departmentId: 'gone-unit' });
  });

  it('managers: the scope, and a district manager the district’s names', async () => {
    expect((await me({ sub: 'm-city', groups: ['manager'], scope: 'city' })).body).toEqual({ userId: 'm-city', role: 'manager', scope: 'city' });
    const district = await me({ sub: 'm-001', groups: ['manager'], scope: 'district-001', name: 'Lê Văn Cường' });
    expect(district.body).toEqual({
      userId: 'm-001',
      role: 'manager',
      name: 'Lê Văn Cường',
      scope: 'district-001',
      scopeArea: { code: '001', name: 'Ba Đình', nameWithType: 'Quận Ba Đình', level: 'district' },
    });
  });

  it('citizens and admins: who they are; claims that mean nothing for the role are left out', async () => {
    expect((await me({ sub: 'c-1', groups: ['citizen'], name: 'An', phone: '+84912345678' })).body).toEqual({ userId: 'c-1', role: 'citizen', name: 'An' });
    expect((await me({ sub: 'adm', groups: ['admin'], departmentId: 'ward-00001', scope: 'city' })).body).toEqual({ userId: 'adm', role: 'admin' });
    // the highest group wins, as on every route
    expect((await me({ sub: 'both', groups: ['citizen', 'manager'], scope: 'city' })).body.role).toBe('manager');
  });

  it('needs a token, and takes no query', async () => {
    expect((await api.request('GET', '/v1/me')).status).toBe(401);
    expect((await api.request('GET', '/v1/me', { headers: { authorization: 'Bearer nonsense' } })).status).toBe(401);
    const token = await api.token({ sub: 'c-1', groups: ['citizen'] });
    const bad = await api.request('GET', '/v1/me?role=admin', { token });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
