import { describe, expect, it } from 'vitest';
import { open311Status, parseResource, requestWindow, serviceRequestOf } from '../../../shared/domain/open311.js';
import type { Ticket } from '../../../shared/domain/ticket.js';
import { toXml } from '../../../shared/http/open311/format.js';

const ticket = {
  id: '01JEXAMPLE0000000000000000',
  category: 'health',
  description: 'Quầy thực phẩm bán hàng hết hạn',
  location: { wardCode: '00001', lat: 21, lng: 105, address: '1 Phúc Xá' },
  visibility: 'private',
  status: 'in_progress',
  departmentId: 'ward-00001',
  createdAt: '2026-12-02T01:00:00.000Z',
  updatedAt: '2026-12-02T02:00:00.000Z',
  dueAt: '2026-12-09T10:00:00.000Z',
  citizenId: 'open311:x',
  citizenName: 'Lan',
  citizenPhone: '+84900000000',
  citizenEmail: 'lan@example.org',
} as unknown as Ticket;

describe('Open311 mapping', () => {
  it('splits a resource from its format and refuses other suffixes', () => {
    expect(parseResource('services.json')).toEqual({ name: 'services', format: 'json' });
    expect(parseResource('01J.ABC.xml')).toEqual({ name: '01J.ABC', format: 'xml' });
    expect(parseResource('services')).toBeUndefined();
    expect(parseResource('services.html')).toBeUndefined();
  });

  it('is open until processed', () => {
    expect(['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected'].map((s) => open311Status(s as Ticket['status']))).toEqual(['open', 'open', 'open', 'closed', 'closed', 'closed']);
  });

  it('never carries the submitter, and the place and text only when public', () => {
    const priv = serviceRequestOf(ticket, { locale: 'vi', extensions: true });
    expect(JSON.stringify(priv)).not.toMatch(/Lan|84900000000|open311:x|Phúc Xá/);
    expect(priv).toMatchObject({ description: null, requested_datetime: '2026-12-02T08:00:00+07:00', expected_datetime: '2026-12-09T17:00:00+07:00' });
    expect(priv).not.toHaveProperty('lat');
    const pub = serviceRequestOf({ ...ticket, visibility: 'public' }, { locale: 'vi', extensions: false });
    expect(pub).toMatchObject({ lat: 21, long: 105, address: '1 Phúc Xá', description: ticket.description });
    expect(JSON.stringify(pub)).not.toMatch(/Lan|84900000000|lan@example/);
  });

  it('windows default to the last 90 days and refuse longer or reversed ones', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    expect(requestWindow(now).from.toISOString()).toBe('2026-09-03T00:00:00.000Z');
    expect(requestWindow(now, new Date('2026-01-01T00:00:00Z')).to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(() => requestWindow(now, new Date('2026-01-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z'))).toThrow(/90 days/);
    expect(() => requestWindow(now, new Date('2026-06-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toThrow(/after/);
  });

  it('writes XML lists with the spec item names, nulls empty, text escaped', () => {
    expect(toXml('service_definition', { service_code: 'a&b', attributes: [{ code: 'x', values: [{ key: '1', name: '<1>' }] }], order: null })).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_definition><service_code>a&amp;b</service_code><attributes><attribute><code>x</code><values><value><key>1</key><name>&lt;1&gt;</name></value></values></attribute></attributes><order/></service_definition>\n',
    );
  });
});
