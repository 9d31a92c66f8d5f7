/**
 * Vietnamese public holidays as days off for public offices (Labour Code 2019 art. 112 and
 * the government's yearly notice). Tết moves every year; these are data that admins correct
 * through `PUT /v1/calendar/holidays/{year}` when the official notice is published.
 */
export const seedHolidays: Record<number, string[]> = {
  2026: [
    '2026-01-01',
    // Tết Bính Ngọ: Sat 14 Feb – Sun 22 Feb
    '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18',
    '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
    // Hùng Kings (10/3 lunar) falls on Sunday 26 Apr, observed Monday 27 Apr
    '2026-04-26', '2026-04-27',
    '2026-04-30', '2026-05-01',
    '2026-09-01', '2026-09-02',
  ],
  2027: [
    '2027-01-01',
    // Tết Đinh Mùi: first day Sat 6 Feb
    '2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
    '2027-02-09', '2027-02-10',
    // Hùng Kings (10/3 lunar): Fri 16 Apr
    '2027-04-16',
    // 30 Apr is a Friday; 1 May a Saturday, observed Monday 3 May
    '2027-04-30', '2027-05-01', '2027-05-03',
    '2027-09-02', '2027-09-03',
  ],
};
