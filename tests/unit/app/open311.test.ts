/** Open311 GeoReport v2 use cases (shared/app/open311.ts) against the in-memory ports. */
import { describe, expect, it } from 'vitest';
import { fileRequest, getRequest, listRequests, listServices, lookUpToken, serviceDefinition } from '../../../shared/app/open311.js';
import { putClient } from '../../../shared/app/open311-clients.js';
import { Open311Error } from '../../../shared/domain/open311.js';
import { memoryDependencies, memoryOpen311, putTicket } from '../../support/memory.js';

async function keyed(rateLimitPerMinute = 30) {
  const deps = memoryOpen311(memoryDependencies());
  const { key } = await putClient(deps, 'fms', { name: 'FixMyStreet', rateLimitPerMinute });
  const form = (fields: Record<string, string>) => new URLSearchParams({ api_key: key, service_code: 'health', description: 'Trạm y tế đóng cửa giờ hành chính', 'attribute[ward_code]': '00001', lat: '21.04', long: '105.84', ...fields });
  return { deps, key, form };
}

describe('services', () => {
  it('lists active categories and defines each with the jurisdiction’s wards, however deep the catalog', async () => {
    const deps = memoryOpen311(memoryDependencies());
    const services = await listServices(deps, 'en');
    expect(services.map((s) => s.service_code)).toContain('health');
    const definition = await serviceDefinition(deps, 'health', 'en');
    expect(JSON.stringify(definition)).toContain('00037');
    await expect(serviceDefinition(deps, 'unicorns', 'en')).rejects.toMatchObject({ code: 404 });
  });
});

describe('fileRequest', () => {
  it('files a ticket for the client’s principal, routed by the same intake, and answers with its id and deadline', async () => {
    const { deps, form } = await keyed();
    const { ticket, answer } = await fileRequest(deps, form({ first_name: 'Lan', last_name: 'Trần', account_id: 'fms-42', 'attribute[fms_id]': '42' }));
    expect(ticket).toMatchObject({ citizenId: 'open311:fms', citizenName: 'Lan Trần', departmentId: 'ward-00001', location: { wardCode: '00001', lat: 21.04, lng: 105.84 } });
    expect(answer).toEqual({ service_request_id: ticket.id, service_notice: 'Phúc Xá Ward; expected by 2026-12-09T10:00:00+07:00', account_id: 'fms-42' });
  });

  it('names bad arguments in Open311’s own terms, and counts no quota for them', async () => {
    const { deps, form } = await keyed(1);
    await expect(fileRequest(deps, form({ colour: 'red' }))).rejects.toMatchObject({ code: 400, description: 'Unknown argument(s): colour.' });
    await expect(fileRequest(deps, form({ lat: '91' }))).rejects.toMatchObject({ code: 400, description: expect.stringContaining('lat') });
    await expect(fileRequest(deps, form({ lat: '', long: '' }))).rejects.toMatchObject({ code: 400, description: 'A location is required: lat and long, or address_string, or address_id.' });
    expect(deps.state.tickets.size).toBe(0);
    await expect(fileRequest(deps, form({}))).resolves.toMatchObject({ answer: expect.any(Object) });
    await expect(fileRequest(deps, form({}))).rejects.toMatchObject({ code: 429 });
    deps.clock.advance(60_000);
    await expect(fileRequest(deps, form({}))).resolves.toMatchObject({ answer: expect.any(Object) });
  });

  it('intake’s own refusals come back under the Open311 names', async () => {
    const { deps, form } = await keyed();
    await expect(fileRequest(deps, form({ 'attribute[ward_code]': '99999' }))).rejects.toMatchObject({ code: 400, description: 'attribute[ward_code]: unknown ward "99999"' });
    await expect(fileRequest(deps, form({ service_code: 'unicorns' }))).rejects.toMatchObject({ code: 400, description: 'service_code: unknown category "unicorns"' });
  });

  it('a missing or wrong key is refused before anything else', async () => {
    const { deps, form } = await keyed();
    await expect(fileRequest(deps, new URLSearchParams({ service_code: 'health' }))).rejects.toMatchObject({ code: 400 });
    await expect(fileRequest(deps, form({ api_key: 'fms.forged', colour: 'red' }))).rejects.toMatchObject({ code: 403 });
  });
});

describe('reading requests', () => {
  it('lists a window newest first, filters by status, and finds requests by id and token', async () => {
    const { deps } = await keyed();
    const open = await putTicket(deps, { input: { visibility: 'public' } });
    deps.clock.advance(1000);
    const closed = await putTicket(deps, { overrides: { status: 'responded' } });
    const q = { locale: 'en' as const, extensions: false, page: 1, pageSize: 10 };
    expect((await listRequests(deps, q)).map((r) => r.service_request_id)).toEqual([closed.id, open.id]);
    expect((await listRequests(deps, { ...q, status: 'closed' })).map((r) => r.service_request_id)).toEqual([closed.id]);
    expect((await listRequests(deps, { ...q, serviceRequestIds: [open.id, 'not-an-id'] })).map((r) => r.service_request_id)).toEqual([open.id]);
    await expect(listRequests(deps, { ...q, page: 100, pageSize: 100 })).rejects.toBeInstanceOf(Open311Error);
    expect((await getRequest(deps, open.id, q)).status).toBe('open');
    expect(await lookUpToken(deps, open.id)).toEqual({ service_request_id: open.id, token: open.id });
    await expect(lookUpToken(deps, 'nope')).rejects.toMatchObject({ code: 404 });
  });
});
