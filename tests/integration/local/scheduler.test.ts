import { beforeAll, describe, expect, it } from 'vitest';
import { startScheduler } from '../../../local/scheduler.js';
import { createTestTable } from '../../support/table.js';
import { department, putDepartments, putWorkflowReference, seedTicket, snapshot } from '../../support/tickets.js';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

beforeAll(async () => {
  await createTestTable({ seed: false });
  await putWorkflowReference();
  await putDepartments([department('l-a')]);
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('local scheduler', () => {
  it('runs the SLA sweep on its timer and stops cleanly', async () => {
    // acknowledged nowhere near in time: three weeks old
    const ticket = await seedTicket({ departmentId: 'l-a', now: new Date(Date.now() - 21 * 86_400_000) });
    const scheduler = startScheduler({ jobs: [{ id: 'slaSweep', fn: 'jobs/sla-sweep', everyMinutes: 15 }], intervalMs: { slaSweep: 100 }, log: () => undefined });
    try {
      await until(async () => (await snapshot(ticket.id)).item?.escalated === true);
    } finally {
      await scheduler.stop();
    }
    const after = await snapshot(ticket.id);
    expect(after.events!.map((e) => e.type)).toEqual(['created', 'ack_overdue', 'overdue', 'escalated']);
    // stopped: a later ticket is left alone
    const late = await seedTicket({ departmentId: 'l-a', now: new Date(Date.now() - 21 * 86_400_000) });
    await new Promise((r) => setTimeout(r, 400));
    expect((await snapshot(late.id)).events).toHaveLength(1);
  });
});
