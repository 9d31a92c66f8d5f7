import { describe, expect, it } from 'vitest';
import { csvCell, csvRows, toCsv } from '../../../shared/app/csv.js';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180); empty for null', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"' }, { a: null, b: 'line\nbreak' }])).toBe('a,b\r\n"x,y","say ""hi"""\r\n,"line\nbreak"\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas; numbers, negative ones too, stay numbers', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    for (const n of [-3, '-3', '-0.5', 12, '1e5']) expect(csvCell(n)).toBe(String(n));
    expect(csvCell('HN-261202-0042')).toBe('HN-261202-0042');
  });

  it('data rows alone concatenate after a header into one file', () => {
    const rows = [{ a: 1 }, { a: 2 }];
    expect(toCsv(['a'], rows.slice(0, 1)) + csvRows(['a'], rows.slice(1))).toBe(toCsv(['a'], rows));
  });
});
