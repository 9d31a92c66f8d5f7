/**
 * Open311 query arguments and answers, for validation and the OpenAPI document. Queries are
 * not strict: Open311 clients add their own arguments (cache busters, jurisdiction_id), and
 * the spec tells servers to ignore what they do not know.
 */
import * as z from 'zod';
import { text } from './text.js';
import { intParam } from './common.js';
import { languages } from '../domain/localized-text.js';

const Locale = z.enum(languages).default('vi').describe("service_name and agency names: the jurisdiction's language (vi) or en");
const Extensions = z.enum(['true', 'false']).default('false').describe('true: add extended_attributes (our status, reference, ward, rating)');
const Jurisdiction = z.string().max(32).optional().describe('Optional; when given, the province code this endpoint serves');

export const Open311Query = z.object({ jurisdiction_id: Jurisdiction, locale: Locale });
export const Open311RequestQuery = z.object({ jurisdiction_id: Jurisdiction, locale: Locale, extensions: Extensions });

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00+07:00` : v))
  .describe('ISO 8601 (a date alone is midnight in Asia/Ho_Chi_Minh)');

export const Open311RequestsQuery = Open311RequestQuery.extend({
  service_request_id: z
    .string()
    .max(2700)
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.string()).min(1, 'at least one id').max(100, 'at most 100 ids'))
    .optional()
    .describe('Comma-separated ids; overrides every other argument'),
  service_code: z.string().min(1).max(64).optional(),
  start_date: instant.optional(),
  end_date: instant.optional(),
  status: z.enum(['open', 'closed']).optional(),
  page: intParam({ min: 1, max: 1_000_000 }).default(1).describe('Extension: 1-based page'),
  page_size: intParam({ min: 1, max: 100 }).default(50).describe('Extension: 1–100, default 50'),
});

const nullableString = z.string().nullable();

export const Open311Service = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: nullableString,
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: nullableString,
    group: nullableString,
  })
  .meta({ id: 'Open311Service' });

export const Open311ServiceDefinition = z
  .object({
    service_code: z.string(),
    attributes: z.array(
      z.object({
        variable: z.boolean(),
        code: z.string(),
        datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
        required: z.boolean(),
        datatype_description: nullableString,
        order: z.number().int(),
        description: nullableString,
        values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
      }),
    ),
  })
  .meta({ id: 'Open311ServiceDefinition' });

export const Open311ServiceRequest = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: nullableString,
    service_name: nullableString,
    service_code: z.string(),
    description: nullableString.describe('Public tickets only (null otherwise)'),
    agency_responsible: nullableString,
    service_notice: nullableString,
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string(),
    address: z.string().optional().describe('Public tickets only'),
    lat: z.number().optional().describe('Public tickets only'),
    long: z.number().optional().describe('Public tickets only'),
    media_url: z.string().optional().describe("Public tickets with a photo: a presigned URL of the first photo (re-encoded, no metadata), valid 15 minutes"),
    extended_attributes: z
      .object({ status: z.string(), reference: z.string(), ward_code: z.string(), rating: nullableString })
      .optional()
      .describe('With extensions=true'),
  })
  .meta({ id: 'Open311ServiceRequest' });

export const Open311Filed = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string().optional() }));
export const Open311Token = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

export const Open311Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
});

/** The form fields of POST requests.{json,xml}, for the OpenAPI document (the handler parses them). */
export const Open311SubmitForm = z.object({
  api_key: z.string(),
  service_code: z.string(),
  'attribute[ward_code]': z.string().describe('5-digit ward/commune code (required)'),
  'attribute[urgent]': z.enum(['true', 'false']).optional(),
  lat: z.number().optional(),
  long: z.number().optional(),
  address_string: z.string().optional(),
  address_id: z.string().optional(),
  description: z.string().describe('10–4000 characters'),
  email: z.string().optional().describe('Kept private as a contact detail'),
  first_name: z.string().optional().describe('Kept private as a contact detail'),
  last_name: z.string().optional().describe('Kept private as a contact detail'),
  phone: z.string().optional().describe('Kept private as a contact detail'),
  media_url: z.string().optional().describe('Accepted, not stored (photos are uploads: see /v1/uploads)'),
  device_id: z.string().optional(),
  account_id: z.string().optional().describe('Echoed in the answer, not stored'),
  jurisdiction_id: z.string().optional(),
});

export const ClientId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-kebab-case, 1–40 characters');
export const ClientParams = z.strictObject({ id: ClientId });
export const ClientBody = z
  .strictObject({
    name: text({ min: 1, max: 200 }),
    contact: text({ min: 1, max: 300 }).optional().describe('Who runs the client system'),
    rateLimitPerMinute: z.number().int().min(1).max(600).optional().describe('Requests filed per minute with this key (default 30)'),
  })
  .meta({ id: 'Open311ClientInput' });
export const Client = z
  .object({
    id: z.string(),
    name: z.string(),
    contact: z.string().optional(),
    rateLimitPerMinute: z.number().int(),
    status: z.enum(['active', 'revoked']),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Open311Client' });
export const ClientWithKey = Client.extend({ apiKey: z.string().describe('Shown only in this reply; stored hashed') });
