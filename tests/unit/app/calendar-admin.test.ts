/** Admins' holiday calendar (shared/app/calendar-admin.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { getHolidays, putHolidays } from '../../../shared/app/calendar-admin.js';
import { submitTicket } from '../../../shared/app/submit-ticket.js';
import { ValidationError } from '../../../shared/domain/errors.js';
import { memoryDependencies } from '../../support/memory.js';

describe('holidays', () => {
  it('names each date that is not a real date of that year and stores nothing', async () => {
    const deps = memoryDependencies({ holidays: {} });
    const error = await putHolidays(deps, 2027, ['2027-02-30', '2026-12-31', 'Tết', '2027-02-08']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['body.dates.0', 'body.dates.1', 'body.dates.2']);
    expect(await getHolidays(deps, 2027)).toEqual({ year: 2027, dates: [] });
  });

  it('folds duplicates and sorts, and deadlines computed afterwards skip the days', async () => {
    const deps = memoryDependencies({ holidays: {} }); // Wed 2026-12-02 10:00 local
    expect(await putHolidays(deps, 2026, ['2026-12-03', '2026-09-02', '2026-12-03'])).toEqual({ year: 2026, dates: ['2026-09-02', '2026-12-03'] });
    expect(await getHolidays(deps, 2026)).toEqual({ year: 2026, dates: ['2026-09-02', '2026-12-03'] });
    const { ticket } = await submitTicket(deps, { userId: 'c', role: 'citizen' }, { category: 'health', description: 'Trạm y tế đóng cửa', location: { wardCode: '00001' } });
    // 6 working hours left on Wednesday, Thursday off, 2 more on Friday: Fri 10:00 local
    expect(ticket.ackDueAt).toBe('2026-12-04T03:00:00.000Z');
  });
});
