import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { useTestApi } from '../support/api.js';
import { eventually } from '../support/eventually.js';

const api = useTestApi({ catalog: 'full' });
let admin: string;
let staff: string;
let citizen: string;
let manager: string;

beforeAll(async () => {
  admin = await api.token({ sub: 'admin-1', groups: ['admin'] });
  staff = await api.token({ sub: 'staff-1', groups: ['staff'], departmentId: 'ward-00001' });
  citizen = await api.token({ sub: 'citizen-1', groups: ['citizen'] });
  manager = await api.token({ sub: 'manager-1', groups: ['manager'], scope: 'city' });
});

const preview = (category: string, wardCode: string, token = staff) => api.request('POST', '/v1/routing/preview', { token, body: { category, wardCode } });
const submit = (category: string, wardCode: string) =>
  api.request('POST', '/v1/tickets', { token: citizen, body: { category, description: 'Something needs fixing here', location: { wardCode } } });

describe('default routing for Hanoi', () => {
  it.each([
    ['urban_order', '00001', 'ward-00001', 'default-urban_order-00001'],
    ['environment', '00004', 'ward-00004', 'default-environment-00004'],
    ['construction_land', '00001', 'district-001', 'default-construction_land-001'],
    ['roads_traffic', '00004', 'city-transport', 'default-roads_traffic-01'],
    ['security_order', '00001', 'city-police', 'default-security_order-01'],
    ['other', '00001', 'triage', null],
  ])('%s in ward %s goes to %s', async (category, wardCode, departmentId, ruleId) => {
    const res = await preview(category, wardCode);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ departmentId, ruleId });
  });

  it('routes a new ticket in the request that creates it and records the rule on its event', async () => {
    const created = await submit('urban_order', '00004');
    expect(created.status).toBe(201);
    expect(created.body.departmentId).toBe('ward-00004');
    const events = await documentClient.send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': `TICKET#${created.body.id}`, ':e': 'EVENT#' } }),
    );
    expect(events.Items?.[0]?.data).toMatchObject({ departmentId: 'ward-00004', ruleId: 'default-urban_order-00004' });
  });

  it('rejects an unknown ward with 400 naming the field', async () => {
    const res = await submit('urban_order', '99999');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.location.wardCode', message: expect.stringContaining('99999') }]);
    // a district code is not a ward
    expect((await preview('urban_order', '00100')).status).toBe(200);
    expect((await preview('urban_order', '12345')).body.errors[0].path).toBe('body.wardCode');
  });
});

describe('routing rules admin', () => {
  it('takes effect for the next ticket without a restart, and falls back when deleted', async () => {
    const put = await api.request('PUT', '/v1/routing-rules/ward-00007-roads', { token: admin, body: { category: 'roads_traffic', areaCode: '00007', departmentId: 'ward-00007' } });
    expect(put.status).toBe(201);
    expect(put.body).toEqual({ id: 'ward-00007-roads', category: 'roads_traffic', areaCode: '00007', departmentId: 'ward-00007' });
    await eventually(async () => expect((await submit('roads_traffic', '00007')).body.departmentId).toBe('ward-00007'), { interval: 250 });

    const del = await api.request('DELETE', '/v1/routing-rules/ward-00007-roads', { token: admin });
    expect(del.status).toBe(204);
    await eventually(async () => expect((await submit('roads_traffic', '00007')).body.departmentId).toBe('city-transport'), { interval: 250 });
    expect((await api.request('DELETE', '/v1/routing-rules/ward-00007-roads', { token: admin })).status).toBe(404);
  });

  it('replaces a rule in place (200) and moves its slot', async () => {
    await api.request('PUT', '/v1/routing-rules/r-move', { token: admin, body: { category: 'health', areaCode: '001', departmentId: 'district-001' } });
    const moved = await api.request('PUT', '/v1/routing-rules/r-move', { token: admin, body: { category: 'health', areaCode: '002', departmentId: 'district-002' } });
    expect(moved.status).toBe(200);
    // the old slot is free again, the new one is taken
    expect((await api.request('PUT', '/v1/routing-rules/r-other', { token: admin, body: { category: 'health', areaCode: '001', departmentId: 'city-health' } })).status).toBe(201);
    const clash = await api.request('PUT', '/v1/routing-rules/r-clash', { token: admin, body: { category: 'health', areaCode: '002', departmentId: 'city-health' } });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain('r-move');
  });

  it('rejects rules naming an unknown category, area or department, naming each field', async () => {
    const res = await api.request('PUT', '/v1/routing-rules/bad', { token: admin, body: { category: 'unicorns', areaCode: '99999', departmentId: 'nobody-here' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.areaCode', 'body.category', 'body.departmentId']);
    const shape = await api.request('PUT', '/v1/routing-rules/bad', { token: admin, body: { category: 'health', areaCode: 'x', departmentId: 'city-health', priority: 1 } });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.areaCode', 'body.priority']);
    expect((await api.request('GET', '/v1/routing-rules?category=unicorns', { token: admin })).body.items).toEqual([]);
    expect((await api.request('GET', '/v1/routing-rules?category=', { token: admin })).status).toBe(400);
  });

  it('lists rules, filtered and paginated', async () => {
    const first = await api.request('GET', '/v1/routing-rules?category=urban_order&limit=50', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items.every((r: { category: string }) => r.category === 'urban_order')).toBe(true);
    const next = await api.request('GET', `/v1/routing-rules?category=urban_order&limit=50&cursor=${first.body.nextCursor}`, { token: admin });
    expect(next.body.items[0].id > first.body.items[49].id).toBe(true);
    const one = await api.request('GET', '/v1/routing-rules?areaCode=001', { token: admin });
    expect(one.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['default-construction_land-001', 'default-admin_procedures-001']));
  });

  it('lets only admins write rules and staff or admins preview', async () => {
    const body = { category: 'health', areaCode: '003', departmentId: 'city-health' };
    for (const token of [citizen, manager, staff]) {
      expect((await api.request('PUT', '/v1/routing-rules/r-roles', { token, body })).status).toBe(403);
      expect((await api.request('DELETE', '/v1/routing-rules/default-health-01', { token })).status).toBe(403);
      expect((await api.request('GET', '/v1/routing-rules', { token })).status).toBe(403);
    }
    expect((await api.request('PUT', '/v1/routing-rules/r-roles', { body })).status).toBe(401);
    expect((await preview('health', '00001', admin)).status).toBe(200);
    expect((await preview('health', '00001', citizen)).status).toBe(403);
    expect((await preview('health', '00001', manager)).status).toBe(403);
  });
});
