/**
 * Logs keep no personal data (issue 17): a full ticket flow (preferences, submit, work, answer
 * with evidence, rating, a bad request quoting a phone number, export, erasure) with every API
 * event logged at DEBUG, and not one Powertools line carries the citizen's phone, name or e-mail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Before the logger module is imported: log whole API events (bodies, headers, JWT claims) at DEBUG.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { useTestApi } from '../support/api.js';
import { seedReadyUpload } from '../support/uploads.js';

vi.setConfig({ testTimeout: 60_000 });
const api = useTestApi({ streams: true });
const lines: string[] = [];
let restore: () => void;

const phone = '+84987654321';
const name = 'Nguyễn Thị Hoa';
const email = 'hoa.nguyen@example.vn';

beforeAll(() => {
  const write = process.stdout.write.bind(process.stdout);
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{')) lines.push(text);
    else return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    return true;
  }) as typeof process.stdout.write);
  restore = () => spy.mockRestore();
});
afterAll(() => restore?.());

describe('Powertools log lines of a full ticket flow', () => {
  it('contain no phone number, name or e-mail address', async () => {
    const citizen = await api.token({ sub: 'hoa', groups: ['citizen'], name, phone });
    await api.request('PUT', '/v1/me/preferences', { token: citizen, body: { channels: { sms: true, email: true, push: false }, phone, email, language: 'vi' } });
    const created = await api.request('POST', '/v1/tickets', {
      token: citizen,
      body: { category: 'roads_traffic', description: `Ổ gà trước nhà, liên hệ ${name} ${phone} ${email}`, location: { wardCode: '00001', lat: 21.03, lng: 105.83, address: '12 Kim Mã' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, departmentId } = created.body;
    const staff = await api.token({ sub: 'staff-log', groups: ['staff'], departmentId, name: 'Cán bộ Tâm' });
    expect((await api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body: { action: 'acknowledge', expectedVersion: 1 } })).status).toBe(200);
    const evidence = [{ uploadId: await seedReadyUpload(staff, 'evidence') }];
    const answered = await api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body: { action: 'respond', expectedVersion: 2, message: `Đã xử lý, đã gọi ${phone} để báo.`, evidence } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect((await api.request('POST', `/v1/tickets/${id}/rating`, { token: citizen, body: { rating: 'acceptable', comment: `Gửi ${email}` } })).status).toBe(200);
    await api.request('GET', `/v1/tickets/${id}`, { token: staff });
    expect((await api.request('POST', '/v1/tickets', { token: citizen, body: { category: 'roads_traffic', description: 'x', location: { wardCode: 'bad', address: phone } } })).status).toBe(400);
    expect((await api.request('GET', '/v1/me/export', { token: citizen })).status).toBe(200);
    expect((await api.request('DELETE', '/v1/me', { token: citizen })).status).toBe(202);
    await api.streams.drain();

    expect(lines.length).toBeGreaterThanOrEqual(8);
    // The events themselves were logged (with their bodies and claims), only redacted.
    expect(lines.some((l) => l.includes('"event"'))).toBe(true);
    expect(lines.some((l) => l.includes('[redacted]'))).toBe(true);
    // Redaction keeps the lines readable: their own message is not masked away.
    expect(lines.some((l) => l.includes('"message":"erasure finished"'))).toBe(true);
    const leaks = lines.filter((l) => [phone, phone.slice(1), '0987654321', name, 'Hoa', email, 'Kim Mã'].some((s) => l.includes(s)));
    const needles = [phone, phone.slice(1), '0987654321', name, 'Hoa', email, 'Kim Mã'];
    expect(leaks.flatMap((l) => needles.filter((n) => l.includes(n)).map((n) => l.slice(Math.max(0, l.indexOf(n) - 120), l.indexOf(n) + 40)))).toEqual([]);
  });
});
