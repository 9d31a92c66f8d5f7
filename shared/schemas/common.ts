/** Building blocks shared by the request and response schemas. */
import * as z from 'zod';
import { isDate } from '../domain/periods.js';

export const Limit = z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1–100');
export const Cursor = z.string().min(1).max(2048).describe('Opaque cursor from the previous page');

export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const FileRef = z.strictObject({
  key: z.string().min(1).max(512),
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type such as image/jpeg'),
});

export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ticket id (ULID)');

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    currentVersion: z.number().int().optional(),
    rule: z.string().optional().describe('422: the rule that refused the action'),
  })
  .meta({ id: 'Problem' });

export const LocalizedName = z.object({ vi: z.string(), en: z.string() });

/** A local day in a query: the one place dates are checked (a real calendar day, years 1000–9999). */
export const LocalDay = z
  .string()
  .refine(isDate, 'a date YYYY-MM-DD (a real calendar day, years 1000–9999)')
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
