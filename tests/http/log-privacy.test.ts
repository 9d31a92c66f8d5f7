/**
 * Logs keep no personal data: a full ticket flow (submit, preferences, work, answer, rating,
 * export, erasure) with every API event logged at DEBUG, and not one Powertools line carries
 * the citizen's phone, name or e-mail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Before the logger module is imported: log whole API events (bodies, headers, JWT claims) at DEBUG.
vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_LOGGER_LOG_EVENT = 'true';
});

import { useTestApi } from '../support/api.js';

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
    const staff = await api.token({ sub: 'staff-log', groups: ['staff'], departmentId: 'city-transport' });
    await api.request('PUT', '/v1/me/preferences', { token: citizen, body: { channels: { sms: true, email: true, push: false }, phone, email, language: 'vi' } });
    const created = await api.request('POST', '/v1/tickets', {
      token: citizen,
      body: { category: 'roads_traffic', description: `Ổ gà trước nhà, liên hệ ${name} ${phone} ${email}`, location: { wardCode: '00001', lat: 21.03, lng: 105.83, address: '12 Kim Mã' } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body: { action: 'acknowledge', expectedVersion: 1 } });
    await api.request('POST', `/v1/tickets/${id}/actions`, { token: staff, body: { action: 'respond', expectedVersion: 2, message: `Đã xử lý, đã gọi ${phone} để báo.`, evidence: [{ key: 'e/1.jpg', contentType: 'image/jpeg' }] } });
    await api.request('POST', `/v1/tickets/${id}/rating`, { token: citizen, body: { rating: 'acceptable', comment: `Gửi ${email}` } });
    await api.request('GET', `/v1/tickets/${id}`, { token: staff });
    await api.request('POST', '/v1/tickets', { token: citizen, body: { category: 'roads_traffic', description: 'x', location: { wardCode: 'bad', address: phone } } });
    await api.request('GET', '/v1/me/export', { token: citizen });
    await api.request('DELETE', '/v1/me', { token: citizen });
    await api.streams.drain();

    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.some((l) => l.includes('"event"'))).toBe(true);
    const leaks = lines.filter((l) => [phone, phone.slice(1), '0987654321', name, 'Hoa', email, 'Kim Mã'].some((s) => l.includes(s)));
    expect(leaks).toEqual([]);
  });
});
