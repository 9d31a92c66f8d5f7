import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { putWorkflowReference, seedTicket } from '../support/tickets.js';
import type { Ticket } from '../../shared/domain/ticket.js';

const api = useTestApi(); // Hanoi, 2024 map cut small: districts 001 Ba Đình, 002 Hoàn Kiếm
let city: string;
let baDinh: string;
const made: Ticket[] = [];
const header = 'id,ref,receivedAt,category,wardCode,departmentId,status,dueAt,processedAt,onTime,rating';
const day = (d: number, hour = 9) => new Date(`2026-10-0${d}T0${hour - 7}:00:00Z`); // local 09:00 on 1–3 October

const at = (d: number, district: '001' | '002', overrides: Partial<Ticket> = {}) =>
  seedTicket({
    departmentId: district === '001' ? 'ward-00001' : 'ward-00037',
    now: day(d),
    overrides: { location: { wardCode: district === '001' ? '00001' : '00037', districtCode: district, provinceCode: '01', address: '12 Phố Riêng Tư' }, citizenName: 'Nguyễn Văn Chủ', citizenPhone: '+84901111111', ...overrides },
  });

beforeAll(async () => {
  await putWorkflowReference();
  city = await api.token({ sub: 'm-city', groups: ['manager'], scope: 'city' });
  baDinh = await api.token({ sub: 'm-001', groups: ['manager'], scope: 'district-001' });
  const respondedAt = new Date(day(1).getTime() + 3_600_000).toISOString();
  made.push(await at(1, '001', { status: 'closed', respondedAt, closedAt: respondedAt, rating: { value: 'satisfied', at: respondedAt } }));
  made.push(await at(1, '002', { status: 'rejected', rejection: { reasonCode: 'spam', message: 'Quảng cáo', at: '2026-10-30T02:00:00.000Z' } }));
  for (const d of [1, 2, 2, 3, 3, 3]) made.push(await at(d, d === 3 ? '002' : '001'));
});
afterEach(() => {
  delete process.env.TICKET_EXPORT_MAX_ROWS;
});

const csv = (query: string, token = city) => api.request('GET', `/v1/tickets/export.csv?${query}`, { token });
const lines = (text: string) => text.split('\r\n').filter(Boolean);
const idsOf = (text: string) => lines(text).slice(1).map((l) => l.split(',')[0]);

describe('GET /v1/tickets/export.csv', () => {
  it('one row per ticket received in the period, oldest first, with the columns managers asked for and no personal data', async () => {
    const res = await csv('scope=city&from=2026-10-01&to=2026-10-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tickets-city-2026-10-01-2026-10-03.csv"');
    expect(res.headers.get('x-next-cursor')).toBeNull();
    const [first, ...rows] = lines(res.body);
    expect(first).toBe(header);
    expect(rows).toHaveLength(8);
    expect(idsOf(res.body)).toEqual(made.map((t) => t.id));
    const closed = made[0]!;
    expect(rows[0]).toBe(`${closed.id},${closed.ref},2026-10-01T09:00:00+07:00,health,00001,ward-00001,closed,${new Date(Date.parse(closed.dueAt) + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00,2026-10-01T10:00:00+07:00,true,satisfied`);
    // rejected long after its deadline: processed, not on time
    expect(rows[1]).toMatch(/,rejected,[^,]+,2026-10-30T09:00:00\+07:00,false,$/);
    // open: no processed time, no verdict
    expect(rows[2]).toMatch(/,assigned,[^,]+,,,$/);
    for (const secret of ['Nguyễn Văn Chủ', '+84901111111', 'Phố Riêng Tư', 'citizen-1']) expect(res.body).not.toContain(secret);
  });

  it('scopes as the metrics routes do: a district manager his district only; the city manager any scope', async () => {
    const mine = await csv('scope=district-001&from=2026-10-01&to=2026-10-03', baDinh);
    expect(idsOf(mine.body)).toEqual(made.filter((t) => t.location.districtCode === '001').map((t) => t.id));
    expect((await csv('scope=district-002&from=2026-10-01&to=2026-10-03', baDinh)).status).toBe(403);
    expect((await csv('scope=city&from=2026-10-01&to=2026-10-03', baDinh)).status).toBe(403);
    expect(idsOf((await csv('scope=ward-00037&from=2026-10-01&to=2026-10-03')).body)).toEqual(made.filter((t) => t.location.wardCode === '00037').map((t) => t.id));
    expect(idsOf((await csv('scope=department-ward-00001&from=2026-10-02&to=2026-10-02', baDinh)).body)).toEqual(made.slice(3, 5).map((t) => t.id));
    const admin = await api.token({ sub: 'adm', groups: ['admin'] });
    expect(idsOf((await csv('scope=city&from=2026-10-03&to=2026-10-03', admin)).body)).toHaveLength(3);
    for (const who of [await api.token({ sub: 's', groups: ['staff'], departmentId: 'ward-00001' }), await api.token({ sub: 'c', groups: ['citizen'] })]) {
      expect((await csv('scope=city', who)).status).toBe(403);
    }
  });

  it('comes in parts when large: X-Next-Cursor and Link name the next part; the parts concatenate into the whole file', async () => {
    const whole = (await csv('scope=city&from=2026-10-01&to=2026-10-03')).body as string;
    process.env.TICKET_EXPORT_MAX_ROWS = '3';
    let body = '';
    let cursor: string | null = null;
    let parts = 0;
    do {
      const res: any = await csv(`scope=city&from=2026-10-01&to=2026-10-03${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(lines(res.body).length - (parts === 0 ? 1 : 0)).toBeLessThanOrEqual(3);
      cursor = res.headers.get('x-next-cursor');
      if (cursor) expect(res.headers.get('link')).toBe(`</v1/tickets/export.csv?scope=city&from=2026-10-01&to=2026-10-03&cursor=${cursor}>; rel="next"`);
      body += res.body;
      parts++;
    } while (cursor);
    expect(parts).toBe(3);
    expect(body).toBe(whole);
  });

  it('defuses spreadsheet formulas in cells', async () => {
    const evil = await at(3, '001', { category: '=HYPERLINK("http://evil.example","x")' });
    const res = await csv('scope=district-001&from=2026-10-03&to=2026-10-03', baDinh);
    const row = lines(res.body).find((l) => l.startsWith(evil.id))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('bad input is 400 problem+json', async () => {
    for (const q of ['scope=galaxy', 'scope=city&from=2026-10-05&to=2026-10-01', 'scope=city&from=2025-01-01&to=2026-10-01', 'scope=city&from=yesterday', 'scope=city&cursor=nonsense', 'scope=district-999', 'scope=city&colour=red', 'from=2026-10-01']) {
      const res = await csv(q);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type'), q).toMatch(/problem\+json/);
    }
    // a cursor outside the period asked for
    process.env.TICKET_EXPORT_MAX_ROWS = '1';
    const cursor = (await csv('scope=city&from=2026-10-03&to=2026-10-03')).headers.get('x-next-cursor');
    expect((await csv(`scope=city&from=2026-10-01&to=2026-10-02&cursor=${cursor}`)).status).toBe(400);
  });
});
