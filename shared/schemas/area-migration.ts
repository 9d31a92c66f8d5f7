/** The admin routes over the area migration's flags (shared/app/area-migration-flags.ts). */
import * as z from 'zod';
import { Cursor, Limit } from './common.js';

export const FlagKind = z.enum(['ticket', 'rule', 'department']).describe('What was flagged');

export const MigrationFlagsQuery = z.strictObject({ kind: FlagKind.optional(), limit: Limit, cursor: Cursor.optional() });

export const MigrationFlagParams = z.strictObject({
  kind: FlagKind,
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a ticket, rule or department id'),
});

export const MigrationFlagResolution = z
  .strictObject({ resolution: z.string().regex(/^\d{5}$/, 'a 5-digit ward code').describe('One of the flag’s candidates: the 2025 ward the ticket goes to') })
  .meta({ id: 'MigrationFlagResolution' });

export const MigrationFlag = z
  .object({
    kind: FlagKind,
    id: z.string(),
    reason: z.enum(['split', 'unmapped', 'conflict', 'district', 'ambiguous', 'department_retired']),
    oldCode: z.string().describe('The 2024 code the item named'),
    candidates: z.array(z.string()).describe('2025 wards it could go to'),
    detail: z.string().optional(),
    flaggedAt: z.iso.datetime(),
    resolution: z.string().optional().describe('The ward an admin chose; the next run of the job moves the ticket there'),
    resolvedAt: z.iso.datetime().optional(),
    resolvedBy: z.string().optional(),
  })
  .meta({ id: 'MigrationFlag' });
