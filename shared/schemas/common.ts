/** Building blocks shared by the request and response schemas. */
import * as z from 'zod';
import { isDate } from '../domain/periods.js';

/**
 * An integer in a path or query string: plain decimal digits only, no sign, spaces, leading
 * zeros, exponent, fraction or hex (`z.coerce.number` took ` 5`, `0x10`, `5e0`, `+2099`).
 * Documented as an integer, which is what a client sends.
 */
export function intParam({ min, max }: { min: number; max: number }) {
  return z
    .string()
    .regex(/^(0|[1-9][0-9]{0,14})$/, 'a plain decimal integer')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .meta({ type: 'integer', minimum: min, maximum: max, pattern: undefined } as Record<string, unknown>);
}

/**
 * A coordinate as a query or form field: a plain decimal number (an optional minus, digits, an optional
 * fraction) within the range. `z.coerce.number` took '', ' ', '0x10', '1e2', 'Infinity'.
 */
export function coordinateParam(min: number, max: number) {
  return z
    .string()
    .regex(/^-?(0|[1-9][0-9]{0,2})(\.[0-9]{1,15})?$/, 'a plain decimal number')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .meta({ type: 'number', minimum: min, maximum: max, pattern: undefined } as Record<string, unknown>);
}

export const Limit = intParam({ min: 1, max: 100 }).default(20).describe('Page size, 1–100');
export const Cursor = z.string().min(1).max(2048).describe('Opaque cursor from the previous page');

export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ticket id (ULID)');

/** A processed upload named in a request (POST /v1/uploads gives the id). */
export const UploadRef = z.strictObject({ uploadId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an upload id (ULID)') }).meta({ id: 'UploadRef' });

/** A photo as a view shows it: short-lived URLs, issued only to callers who may see the ticket. */
export const PhotoView = z
  .object({
    id: z.string(),
    url: z.url().describe('Presigned GET of the re-encoded photo (≤ 2048 px, no metadata), valid 15 minutes'),
    thumbUrl: z.url().describe('Presigned GET of the 320 px thumbnail, valid 15 minutes'),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'Photo' });

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

/** Text in both of the platform's languages (domain/localized-text.ts). */
export const LocalizedText = z.object({ vi: z.string(), en: z.string() });

/** A local day in a query: the one place dates are checked (a real calendar day, years 1000–9999). */
export const LocalDay = z
  .string()
  .refine(isDate, 'a date YYYY-MM-DD (a real calendar day, years 1000–9999)')
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
