import { describe, expect, it } from 'vitest';
import { countSms, smsEncoding } from '../../../shared/domain/sms.js';

describe('SMS segment counting', () => {
  it('counts plain text as GSM-7: 160 in one part, 153 per part after', () => {
    expect(countSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1, perSegment: 160 });
    expect(countSms('a'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2, perSegment: 153 });
    expect(countSms('a'.repeat(306)).segments).toBe(2);
    expect(countSms('a'.repeat(307)).segments).toBe(3);
    expect(countSms('').segments).toBe(0);
  });

  it('charges two septets for the extension table and never splits the escape pair', () => {
    expect(countSms('€')).toMatchObject({ encoding: 'GSM-7', units: 2 });
    expect(countSms('[]{}').units).toBe(8);
    // 152 plain + one € (2 septets) = 154 > 153 per part: the € moves to part 2 whole.
    expect(countSms('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ units: 164, segments: 2 });
    expect(countSms('a'.repeat(80) + '€'.repeat(40))).toMatchObject({ units: 160, segments: 1 });
  });

  it('makes the whole text UCS-2 as soon as one Vietnamese diacritic appears: 70, then 67 per part', () => {
    expect(smsEncoding('Phan anh da duoc tiep nhan')).toBe('GSM-7');
    expect(smsEncoding('Phản ánh đã được tiếp nhận')).toBe('UCS-2');
    expect(smsEncoding('đ')).toBe('UCS-2');
    expect(countSms('ệ'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70 });
    expect(countSms('ệ'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSms('ệ'.repeat(134)).segments).toBe(2);
    expect(countSms('ệ'.repeat(135)).segments).toBe(3);
  });

  it('counts GSM-7 accented letters it has (é, à, ü) as GSM-7, but not Vietnamese ones (ê, ơ, ư)', () => {
    expect(smsEncoding('café à la crème, Müller')).toBe('GSM-7');
    for (const ch of ['ê', 'ơ', 'ư', 'ă', 'â', 'đ', 'á', 'ạ']) expect(smsEncoding(`Ha Noi ${ch}`)).toBe('UCS-2');
  });

  it('normalises to NFC: a decomposed ệ is one unit, not three', () => {
    const decomposed = 'ệ'.normalize('NFD');
    expect(decomposed.length).toBe(3);
    expect(countSms(decomposed.repeat(70))).toMatchObject({ units: 70, segments: 1 });
  });

  it('counts characters beyond the BMP as two UCS-2 units and never splits them', () => {
    expect(countSms('😀')).toMatchObject({ encoding: 'UCS-2', units: 2 });
    expect(countSms('a'.repeat(66) + '😀' + 'a'.repeat(10))).toMatchObject({ units: 78, segments: 2 });
  });
});
