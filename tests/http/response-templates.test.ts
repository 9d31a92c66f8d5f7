import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTemplates } from '../../local/demo-data.js';
import { demoResponseTemplates } from '../../shared/reference/response-templates.js';
import { useTestApi } from '../support/api.js';
import { putWorkflowReference } from '../support/tickets.js';

const api = useTestApi({ seed: false });
let admin: string;
let staff: string;
let manager: string;
let citizen: string;

const template = {
  category: 'health',
  kind: 'respond',
  title: { vi: 'Đã kiểm tra trạm y tế', en: 'Health station checked' },
  body: { vi: 'Đơn vị đã kiểm tra trạm y tế và nhắc nhở mở cửa đúng giờ hành chính.', en: 'We checked the health station and reminded it to open during office hours.' },
};
const put = (id: string, body: unknown, token = admin) => api.request('PUT', `/v1/response-templates/${id}`, { token, body });
const list = (query: string, token = staff) => api.request('GET', `/v1/response-templates?limit=100&${query}`, { token });
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((t) => t.id);

beforeAll(async () => {
  await putWorkflowReference(); // categories health and roads_traffic
  admin = await api.token({ sub: 'adm', groups: ['admin'] });
  staff = await api.token({ sub: 's', groups: ['staff'], departmentId: 'ward-00001' });
  manager = await api.token({ sub: 'm', groups: ['manager'], scope: 'city' });
  citizen = await api.token({ sub: 'c', groups: ['citizen'] });
});

describe('response templates', () => {
  it('admins create (201) and replace (200) a template; staff and managers read it, in vi and en', async () => {
    const created = await put('health-checked', template);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'health-checked', ...template, updatedAt: expect.any(String) });
    const replaced = await put('health-checked', { ...template, title: { vi: 'Đã kiểm tra', en: 'Checked' } });
    expect(replaced.status).toBe(200);
    expect((await list('category=health')).body.items.find((t: { id: string }) => t.id === 'health-checked').title).toEqual({ vi: 'Đã kiểm tra', en: 'Checked' });
    expect((await list('', manager)).status).toBe(200);
    expect((await list('', admin)).status).toBe(200);
  });

  it('?category= gives that category’s templates and the * ones; ?kind= narrows to one kind of action', async () => {
    await put('any-ask', { ...template, category: '*', kind: 'request_info', body: { vi: 'Xin số nhà?', en: 'House number?' } });
    await put('roads-fixed', { ...template, category: 'roads_traffic', body: { vi: 'Đã vá ổ gà trên đường, ảnh đính kèm.', en: 'The pothole was filled, photos attached.' } });
    await put('any-dup', { ...template, category: '*', kind: 'reject', reasonCode: 'duplicate', body: { vi: 'Trùng phản ánh.', en: 'Duplicate.' } });
    expect(ids(await list('category=health'))).toEqual(['any-ask', 'any-dup', 'health-checked']);
    expect(ids(await list('category=health&kind=respond'))).toEqual(['health-checked']);
    expect(ids(await list('category=roads_traffic&kind=respond'))).toEqual(['roads-fixed']);
    expect(ids(await list('kind=reject'))).toEqual(['any-dup']);
    expect((await list('kind=reject')).body.items[0].reasonCode).toBe('duplicate');
    const page = await api.request('GET', '/v1/response-templates?limit=2', { token: staff });
    expect(page.body.items).toHaveLength(2);
    const rest = await api.request('GET', `/v1/response-templates?limit=100&cursor=${page.body.nextCursor}`, { token: staff });
    expect([...ids(page), ...ids(rest)]).toEqual(ids(await list('')));
  });

  it('delete: admins only, 204, then 404', async () => {
    await put('to-go', template);
    expect((await api.request('DELETE', '/v1/response-templates/to-go', { token: staff })).status).toBe(403);
    expect((await api.request('DELETE', '/v1/response-templates/to-go', { token: admin })).status).toBe(204);
    expect((await api.request('DELETE', '/v1/response-templates/to-go', { token: admin })).status).toBe(404);
    expect(ids(await list(''))).not.toContain('to-go');
  });

  it('only admins write, and citizens do not read them (403)', async () => {
    expect((await put('x-staff', template, staff)).status).toBe(403);
    expect((await put('x-manager', template, manager)).status).toBe(403);
    expect((await list('', citizen)).status).toBe(403);
    expect((await api.request('GET', '/v1/response-templates')).status).toBe(401);
  });

  it('bad input is 400 problem+json naming the field', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['bad-category', { ...template, category: 'unicorns' }, 'body.category'],
      ['bad-reason', { ...template, reasonCode: 'spam' }, 'body.reasonCode'],
      ['too-short', { ...template, body: { vi: 'Đã xong.', en: 'Done, thank you for it.' } }, 'body.body.vi'],
      ['no-english', { ...template, body: { vi: template.body.vi } }, 'body.body.en'],
      ['bad-kind', { ...template, kind: 'transfer' }, 'body.kind'],
      ['owned', { ...template, updatedAt: '2026-01-01T00:00:00Z' }, 'body.updatedAt'],
      ['Bad_Id', template, 'params.id'],
    ];
    for (const [id, body, path] of cases) {
      const res = await put(id, body);
      expect(res.status, id).toBe(400);
      expect(res.headers.get('content-type'), id).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path), id).toContain(path);
    }
    expect((await list('category=unicorns')).status).toBe(400);
    expect((await list('kind=close')).status).toBe(400);
    expect((await list('colour=red')).status).toBe(400);
  });

  it('the demo templates are valid through the API, and seeding them twice writes them once', async () => {
    for (const t of demoResponseTemplates) {
      const { id, ...body } = t;
      const category = body.category === '*' || ['health', 'roads_traffic'].includes(body.category) ? body.category : '*';
      expect((await put(`demo-${id}`, { ...body, category })).status, id).toBe(201);
    }
    expect(await seedDemoTemplates()).toBe(true);
    expect(await seedDemoTemplates()).toBe(false);
    const seeded = ids(await list(''));
    for (const t of demoResponseTemplates) expect(seeded).toContain(t.id);
  });
});
