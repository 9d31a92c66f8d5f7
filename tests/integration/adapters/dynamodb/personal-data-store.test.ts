import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoPersonalDataStore } from '../../../../shared/adapters/dynamodb/personal-data-store.js';
import type { AccessEntry } from '../../../../shared/domain/personal-data.js';
import { createTestTable } from '../../../support/table.js';

beforeAll(() => createTestTable({ seed: false }));

describe('access record', () => {
  it('a queue page of 100 tickets records a read of each (BatchWriteItem takes 25 at a time)', async () => {
    const at = new Date().toISOString();
    const entries: AccessEntry[] = Array.from({ length: 100 }, (_, i) => ({ id: `A${String(i).padStart(3, '0')}`, ticketId: `T-access-${i}`, at, role: 'staff', unit: 'ward-00004', route: 'listDepartmentTickets', userId: 'staff-1' }));
    await dynamoPersonalDataStore.appendAccess(entries);
    for (const e of [entries[0]!, entries[24]!, entries[25]!, entries[99]!]) {
      const log = await dynamoPersonalDataStore.accessLog(e.ticketId, { limit: 10 });
      expect(log.items, e.ticketId).toEqual([expect.objectContaining({ id: e.id, ticketId: e.ticketId, route: 'listDepartmentTickets' })]);
    }
  });
});
