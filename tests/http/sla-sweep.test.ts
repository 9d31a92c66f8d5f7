import { beforeAll, describe, expect, it } from 'vitest';

// EMF lines are for CloudWatch (tests/integration/jobs/sla-sweep.test.ts checks them).
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
import { useTestApi } from '../support/api.js';
import { department, putDepartments, putWorkflowReference, seedTicket, snapshot } from '../support/tickets.js';

const api = useTestApi({ seed: false });
const hcm = (local: string) => new Date(`${local}+07:00`);
const base = hcm('2026-11-23T08:00:00'); // Monday
const sweep = async (now?: Date) => {
  const res = await api.request('POST', '/dev/jobs/sla-sweep', { body: now ? { now: now.toISOString() } : {} });
  expect(res.status).toBe(200);
  return res.body as { examined: number; changes: Array<{ ticketId: string; type: string; escalatedTo?: string }>; skipped: unknown[]; complete: boolean };
};
const changesOf = (result: Awaited<ReturnType<typeof sweep>>, id: string) => result.changes.filter((c) => c.ticketId === id).map((c) => c.type);
const t: Record<string, string> = {};

beforeAll(async () => {
  await putWorkflowReference();
  await putDepartments([department('s-a', { parentId: 's-district' }), department('s-district', { kind: 'district' }), department('s-top', { kind: 'city_department' })]);
  // health, normal: acknowledge by Mon 16:00, answer by Fri 17:00, escalate after Mon 30 Nov 17:00
  t.assigned = (await seedTicket({ departmentId: 's-a', now: base })).id;
  t.inProgress = (await seedTicket({ departmentId: 's-a', now: base, overrides: { status: 'in_progress' } })).id;
  t.responded = (await seedTicket({ departmentId: 's-a', now: base, overrides: { status: 'responded', respondedAt: hcm('2026-11-18T08:00:00').toISOString() } })).id;
  t.needsInfo = (await seedTicket({ departmentId: 's-a', now: base, overrides: { status: 'needs_info', pausedAt: base.toISOString() } })).id;
  t.closed = (await seedTicket({ departmentId: 's-a', now: base, overrides: { status: 'closed' } })).id;
  t.orphan = (await seedTicket({ departmentId: 's-top', now: base, overrides: { status: 'in_progress' } })).id;
});

describe('POST /dev/jobs/sla-sweep', () => {
  it('changes nothing before any deadline', async () => {
    expect(await sweep(hcm('2026-11-23T09:00:00'))).toMatchObject({ examined: 0, changes: [], skipped: [], complete: true });
  });

  it('flags a missed acknowledgement; a second run at the same instant changes nothing', async () => {
    const now = hcm('2026-11-23T18:00:00');
    const first = await sweep(now);
    expect(first.changes.map((c) => [c.ticketId, c.type])).toEqual([[t.assigned, 'ack_overdue']]);
    const before = await snapshot(t.assigned!);
    expect(before.item).toMatchObject({ ackOverdue: true, overdue: false, version: 2 });
    expect(await sweep(now)).toMatchObject({ examined: 0, changes: [] });
    expect(await snapshot(t.assigned!)).toEqual(before);
  });

  it('auto-closes a responded ticket nobody rated within 7 days', async () => {
    const early = await sweep(hcm('2026-11-25T07:59:00'));
    expect(changesOf(early, t.responded!)).toEqual([]);
    const late = await sweep(hcm('2026-11-25T08:01:00'));
    expect(changesOf(late, t.responded!)).toEqual(['auto_closed']);
    expect((await snapshot(t.responded!)).item).toMatchObject({ status: 'closed', closedAt: hcm('2026-11-25T08:01:00').toISOString(), gsi2pk: expect.stringMatching(/^DEPT#s-a#DONE#\d$/) });
  });

  it('flags overdue past the answer deadline, then escalates past the grace period', async () => {
    const overdue = await sweep(hcm('2026-11-27T17:30:00'));
    expect(changesOf(overdue, t.assigned!)).toEqual(['overdue']);
    expect(changesOf(overdue, t.inProgress!)).toEqual(['overdue']);
    expect((await snapshot(t.inProgress!)).item).toMatchObject({ overdue: true, overdueCount: 1, escalated: false, gsi3sk: expect.stringMatching(/^2026-11-30T10:00:00.000Z#/) });

    const escalated = await sweep(hcm('2026-11-30T17:30:00'));
    expect(escalated.changes.filter((c) => c.type === 'escalated').map((c) => [c.ticketId, c.escalatedTo])).toEqual(
      expect.arrayContaining([[t.assigned, 's-district'], [t.inProgress, 's-district'], [t.orphan, undefined]]),
    );
    const { item, events } = await snapshot(t.inProgress!);
    // the ticket stays with its department and leaves the sweep's index: nothing more is due
    expect(item).toMatchObject({ departmentId: 's-a', escalated: true, escalatedTo: 's-district', status: 'in_progress' });
    expect(item).not.toHaveProperty('gsi3pk');
    expect(events!.map((e) => e.type)).toEqual(['created', 'overdue', 'escalated']);
    expect(events!.at(-1)).toMatchObject({ actor: { id: 'sla-sweep', role: 'system' }, data: { departmentId: 's-a', to: 's-district' }, ticket: { departmentId: 's-a' } });
  });

  it('never touches closed tickets or tickets waiting on the citizen, and is idempotent far in the future', async () => {
    const far = hcm('2027-06-01T00:00:00');
    await sweep(far);
    expect(await sweep(far)).toMatchObject({ examined: 0, changes: [] });
    expect((await snapshot(t.closed!)).events).toHaveLength(1);
    expect((await snapshot(t.needsInfo!)).events).toHaveLength(1);
  });

  it('answers a bad `now` with 400', async () => {
    const res = await api.request('POST', '/dev/jobs/sla-sweep', { body: { now: 'tomorrow' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.now');
  });
});
