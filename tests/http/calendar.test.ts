import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoReferenceStore } from '../../shared/adapters/dynamodb/reference-store.js';
import { seedHolidays } from '../../shared/reference/holidays.js';
import { useTestApi } from '../support/api.js';
import { putWorkflowReference } from '../support/tickets.js';

const api = useTestApi({ seed: false });
let admin: string;

beforeAll(async () => {
  await putWorkflowReference();
  admin = await api.token({ sub: 'cal-admin', groups: ['admin'] });
});

describe('GET/PUT /v1/calendar/holidays/{year}', () => {
  it('serves the seeded years, Tết included, and an empty list for a year never set', async () => {
    const res = await api.request('GET', '/v1/calendar/holidays/2026', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2026, dates: [...seedHolidays[2026]!].sort() });
    expect(res.body.dates).toContain('2026-02-17');
    expect((await api.request('GET', '/v1/calendar/holidays/2031', { token: admin })).body).toEqual({ year: 2031, dates: [] });
  });

  it('replaces a year, sorted and without duplicates, and deadlines see it at once', async () => {
    const res = await api.request('PUT', '/v1/calendar/holidays/2027', { token: admin, body: { dates: ['2027-09-02', '2027-01-01', '2027-09-02', '2027-12-24'] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, dates: ['2027-01-01', '2027-09-02', '2027-12-24'] });
    expect((await api.request('GET', '/v1/calendar/holidays/2027', { token: admin })).body.dates).toEqual(res.body.dates);
    expect((await dynamoReferenceStore.calendar()).holidays.has('2027-12-24')).toBe(true);
  });

  it('refuses dates that are not real or not in that year, naming each (400), and changes nothing', async () => {
    const before = (await api.request('GET', '/v1/calendar/holidays/2026', { token: admin })).body;
    const res = await api.request('PUT', '/v1/calendar/holidays/2026', { token: admin, body: { dates: ['2026-01-01', '2026-02-30', '2027-01-01', '1/5/2026'] } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.dates.1', 'body.dates.2', 'body.dates.3']);
    expect((await api.request('GET', '/v1/calendar/holidays/2026', { token: admin })).body).toEqual(before);
    expect((await api.request('PUT', '/v1/calendar/holidays/1999', { token: admin, body: { dates: [] } })).status).toBe(400);
    expect((await api.request('PUT', '/v1/calendar/holidays/2026', { token: admin, body: { dates: ['2026-01-01'], extra: 1 } })).status).toBe(400);
  });

  it('is for admins only', async () => {
    for (const groups of [['citizen'], ['staff'], ['manager']] as const) {
      const token = await api.token({ sub: 'x', groups: [...groups], departmentId: 'triage', scope: 'city' });
      expect((await api.request('GET', '/v1/calendar/holidays/2026', { token })).status).toBe(403);
      expect((await api.request('PUT', '/v1/calendar/holidays/2026', { token, body: { dates: [] } })).status).toBe(403);
    }
  });
});
