import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestTable } from '../../support/table.js';
import { department, putDepartments, putWorkflowReference, seedTicket } from '../../support/tickets.js';

beforeAll(async () => {
  await createTestTable({ seed: false });
  await putWorkflowReference();
  await putDepartments([department('j-a')]);
});

afterEach(() => vi.restoreAllMocks());

describe('jobs/sla-sweep handler', () => {
  it('sweeps as of `now` and publishes OverdueTickets in the CivicFeedback namespace (EMF)', async () => {
    delete process.env.POWERTOOLS_METRICS_DISABLED;
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { handler } = await import('../../../functions/jobs/sla-sweep.js');
    await seedTicket({ departmentId: 'j-a', now: new Date('2026-11-23T08:00:00+07:00'), overrides: { status: 'in_progress' } });
    const result = await handler({ now: '2026-11-28T00:00:00Z' });
    vi.restoreAllMocks();
    expect(result.changes.map((c) => c.type)).toEqual(['overdue']);
    const emf = lines.map((l) => l.trim()).filter((l) => l.startsWith('{') && l.includes('"_aws"')).map((l) => JSON.parse(l));
    expect(emf).toHaveLength(1);
    expect(emf[0]._aws.CloudWatchMetrics[0].Namespace).toBe('CivicFeedback');
    expect(emf[0].OverdueTickets).toBe(1);
  });
});
