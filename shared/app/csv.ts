/**
 * RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; rates as decimals, empty
 * when null. A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * carriage return first) gets a leading `'` (OWASP's CSV-injection advice); numbers stay numbers.
 */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Data rows only, each ended by CRLF: parts of one export concatenate into one file. */
export function csvRows<Row extends object>(header: readonly string[], rows: readonly Row[]): string {
  return rows.map((r) => `${header.map((h) => csvCell((r as Record<string, unknown>)[h])).join(',')}\r\n`).join('');
}

export function toCsv<Row extends object>(header: readonly string[], rows: readonly Row[]): string {
  return `${header.map(csvCell).join(',')}\r\n${csvRows(header, rows)}`;
}
