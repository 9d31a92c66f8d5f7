/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; rates as decimals, empty when null. */
export function toCsv<Row extends object>(header: readonly string[], rows: readonly Row[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => cell((r as Record<string, unknown>)[h])).join(','))].join('\r\n') + '\r\n';
}
