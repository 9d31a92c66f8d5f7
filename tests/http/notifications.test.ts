import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';

const api = useTestApi();
let lan: string;
let staff: string;

beforeAll(async () => {
  lan = await api.token({ sub: 'lan', groups: ['citizen'] });
  staff = await api.token({ sub: 'staff-1', groups: ['staff'], departmentId: 'ward-00001' });
});

const valid = { channels: { sms: true, email: false, push: true }, phone: '+84901234567', language: 'en' };

describe('GET/PUT /v1/me/preferences', () => {
  it('starts with the inbox only, in Vietnamese', async () => {
    const res = await api.request('GET', '/v1/me/preferences', { token: lan });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ channels: { sms: false, email: false, push: false }, language: 'vi', updatedAt: null });
  });

  it('stores and returns what the citizen chose', async () => {
    const put = await api.request('PUT', '/v1/me/preferences', { token: lan, body: valid });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...valid, updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) });
    const get = await api.request('GET', '/v1/me/preferences', { token: lan });
    expect(get.body).toEqual(put.body);
  });

  it('replaces the whole document: turning SMS off keeps no channel on by accident', async () => {
    const put = await api.request('PUT', '/v1/me/preferences', { token: lan, body: { channels: { sms: false, email: true, push: false }, email: 'lan@example.vn', language: 'vi' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ channels: { sms: false, email: true, push: false }, email: 'lan@example.vn', language: 'vi', updatedAt: expect.any(String) });
  });

  it('rejects a channel without its address, a bad phone or e-mail, unknown fields and languages (400, each named)', async () => {
    const noPhone = await api.request('PUT', '/v1/me/preferences', { token: lan, body: { channels: { sms: true, email: true, push: false }, language: 'vi' } });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.phone']);

    const bad = await api.request('PUT', '/v1/me/preferences', { token: lan, body: { channels: { sms: true, email: true, push: false }, phone: '0901234567', email: 'not-an-email', language: 'fr', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.extra', 'body.language', 'body.phone']);

    const partial = await api.request('PUT', '/v1/me/preferences', { token: lan, body: { channels: { sms: true }, language: 'vi' } });
    expect(partial.status).toBe(400);
    expect(partial.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.channels.email', 'body.channels.push']);
  });

  it('is for citizens', async () => {
    expect((await api.request('GET', '/v1/me/preferences', { token: staff })).status).toBe(403);
    expect((await api.request('PUT', '/v1/me/preferences', { token: staff, body: valid })).status).toBe(403);
    expect((await api.request('GET', '/v1/me/preferences')).status).toBe(401);
  });
});

describe('GET /v1/me/notifications', () => {
  it('answers an empty inbox for any signed-in role', async () => {
    for (const token of [lan, staff]) {
      const res = await api.request('GET', '/v1/me/notifications?unread=true&limit=5', { token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
    }
    expect((await api.request('GET', '/v1/me/notifications?unread=maybe', { token: lan })).status).toBe(400);
  });
});
