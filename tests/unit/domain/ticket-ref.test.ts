import { describe, expect, it } from 'vitest';
import { formatRef, knownRefPrefixes, parseRef, refDay, refPrefix, REF_PATTERN } from '../../../shared/domain/ticket-ref.js';

describe('ticket references', () => {
  it('HN-261202-0042: prefix, local date (UTC+7) and the day’s sequence', () => {
    // 17:30 UTC on 1 December is 00:30 on 2 December in Hanoi
    expect(formatRef(refPrefix({ code: '01', name: 'Hà Nội' }), refDay(new Date('2026-12-01T17:30:00Z')), 42)).toBe('HN-261202-0042');
    expect(formatRef('HN', '261202', 12345)).toBe('HN-261202-12345');
  });

  it('prefixes follow the province’s name, whatever its code or type word; unknown ones fall back to P<code>', () => {
    expect(refPrefix({ code: '79', name: 'Hồ Chí Minh' })).toBe('HCM');
    expect(refPrefix({ code: '79', name: 'Thành phố Hồ Chí Minh' })).toBe('HCM');
    expect(refPrefix({ code: '15', name: 'Lào Cai' })).toBe('LCA');
    expect(refPrefix({ code: '66', name: 'Đắk Lắk' })).toBe('DL');
    expect(refPrefix({ code: '99', name: 'Nowhere' })).toBe('P99');
    expect(refPrefix({ code: '01' })).toBe('P01');
  });

  it('no two provinces share a prefix, and every prefix is at most three letters', () => {
    const byPrefix = new Map<string, string[]>();
    for (const [name, prefix] of Object.entries(knownRefPrefixes)) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), name]);
    const shared = [...byPrefix].filter(([, names]) => names.length > 1 && !names.every((n) => n.endsWith('hue')));
    expect(shared).toEqual([]);
    for (const prefix of byPrefix.keys()) expect(prefix).toMatch(/^[A-Z]{2,3}$/);
  });

  it('parses what people type back, in any case; anything else is not a reference', () => {
    expect(parseRef(' hn-261202-0042 ')).toBe('HN-261202-0042');
    expect(parseRef('P99-261202-0001')).toBe('P99-261202-0001');
    for (const bad of ['HN-2612-0042', 'HN261202-0042', '01KTICKET00000000000000001', 'HN-261202-42', '']) expect(parseRef(bad), bad).toBeUndefined();
    expect(REF_PATTERN.test('HN-261202-0042')).toBe(true);
  });
});
