/**
 * Open311 GeoReport v2 use cases: services and their definitions from our categories and
 * the jurisdiction's wards; requests read through the Open311 whitelist; requests filed by
 * a keyed client system become citizen tickets of its `open311:<client>` principal, routed
 * at once by the same intake as every other ticket (submit-ticket.ts).
 */
import * as z from 'zod';
import { ValidationError } from '../domain/errors.js';
import {
  MAX_DEPTH,
  Open311Error,
  open311PrincipalId,
  requestWindow,
  serviceDefinitionOf,
  serviceOf,
  serviceRequestOf,
  statusesFor,
  type Locale,
  type Open311Record,
  type WardOption,
} from '../domain/open311.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket } from '../domain/ticket.js';
import { text } from '../schemas/text.js';
import { CreateTicketBody } from '../schemas/ticket.js';
import { coordinateParam } from '../schemas/common.js';
import { authenticateClient } from './open311-clients.js';
import { signPhotos } from './uploads.js';
import type { Open311Dependencies } from './open311-ports.js';
import type { Dependencies } from './ports.js';
import { submitTicket } from './submit-ticket.js';

/** The province this endpoint serves (GSO code): its wards make the `ward_code` list. */
export const open311Jurisdiction = () => process.env.OPEN311_JURISDICTION ?? '01';

export function checkJurisdiction(jurisdictionId: string | undefined): void {
  if (jurisdictionId !== undefined && jurisdictionId !== open311Jurisdiction()) {
    throw new Open311Error(404, `Unknown jurisdiction_id "${jurisdictionId}": this endpoint serves ${open311Jurisdiction()}.`);
  }
}

export async function listServices(deps: Dependencies, locale: Locale): Promise<Open311Record[]> {
  return (await deps.reference.categories()).filter((c) => c.active).map((c) => serviceOf(c, locale));
}

export async function serviceDefinition(deps: Dependencies, code: string, locale: Locale): Promise<Open311Record> {
  const category = await deps.reference.category(code);
  if (!category?.active) throw new Open311Error(404, `Unknown service_code "${code}".`);
  return serviceDefinitionOf(category, await wardsOf(deps, open311Jurisdiction()), locale);
}

// Areas are seeded, never edited at run time: one walk per process is enough.
const wardCache = new Map<string, Promise<WardOption[]>>();

/** Every ward or commune under the province, whatever the catalog's depth. */
function wardsOf(deps: Dependencies, provinceCode: string): Promise<WardOption[]> {
  let wards = wardCache.get(provinceCode);
  if (!wards) {
    wards = collectWards(deps, provinceCode);
    wards.then((w) => w.length || wardCache.delete(provinceCode), () => wardCache.delete(provinceCode));
    wardCache.set(provinceCode, wards);
  }
  return wards;
}

async function collectWards(deps: Dependencies, parent: string): Promise<WardOption[]> {
  const out: WardOption[] = [];
  const below: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.areas.children(parent, { limit: 100, cursor });
    for (const area of page.items) {
      if (area.level === 'ward') out.push({ code: area.code, name: area.nameWithType });
      else below.push(area.code);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const nested of await Promise.all(below.map((code) => collectWards(deps, code)))) out.push(...nested);
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

// Reading requests ---------------------------------------------------------------------------

export interface ViewOptions {
  locale: Locale;
  extensions: boolean;
}

async function render(deps: Dependencies, tickets: Ticket[], opts: ViewOptions): Promise<Open311Record[]> {
  const categories = new Map((await deps.reference.categories()).map((c) => [c.code, c]));
  const departmentIds = [...new Set(tickets.map((t) => t.departmentId))];
  const departments = new Map(await Promise.all(departmentIds.map(async (id) => [id, await deps.departments.get(id)] as const)));
  // The first photo of a public ticket, as a presigned GET (15 minutes): private tickets never sign one.
  const mediaUrls = await Promise.all(tickets.map(async (t) => (t.visibility === 'public' && t.attachments?.length ? (await signPhotos(deps.media, t.attachments.slice(0, 1)))[0]?.url : undefined)));
  return tickets.map((t, i) =>
    serviceRequestOf(t, { ...opts, category: categories.get(t.category), department: departments.get(t.departmentId), ...(mediaUrls[i] ? { mediaUrl: mediaUrls[i] } : {}) }),
  );
}

export async function getRequest(deps: Dependencies, id: string, opts: ViewOptions): Promise<Open311Record> {
  const ticket = await deps.tickets.get(id);
  if (!ticket) throw new Open311Error(404, `No service request "${id}".`);
  return (await render(deps, [ticket], opts))[0]!;
}

export interface RequestsQuery extends ViewOptions {
  serviceRequestIds?: string[];
  serviceCode?: string;
  start?: Date;
  end?: Date;
  status?: 'open' | 'closed';
  page: number;
  pageSize: number;
}

export async function listRequests(deps: Open311Dependencies, q: RequestsQuery): Promise<Open311Record[]> {
  // The spec: a list of ids overrides every other argument.
  if (q.serviceRequestIds) {
    const tickets = await Promise.all(q.serviceRequestIds.map((id) => (ULID.test(id) ? deps.tickets.get(id) : undefined)));
    return render(deps, tickets.filter((t): t is Ticket => t !== undefined), q);
  }
  const offset = (q.page - 1) * q.pageSize;
  if (offset + q.pageSize > MAX_DEPTH) {
    throw new Open311Error(400, `page × page_size may reach at most ${MAX_DEPTH} requests into one window: narrow start_date/end_date instead.`);
  }
  const { from, to } = requestWindow(deps.clock.now(), q.start, q.end);
  const tickets = await deps.open311Tickets.receivedBetween({
    from,
    to,
    category: q.serviceCode,
    statuses: q.status ? statusesFor(q.status) : undefined,
    offset,
    limit: q.pageSize,
  });
  return render(deps, tickets, q);
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Tokens: we route at once, so the token we would issue is the request's id itself. */
export async function lookUpToken(deps: Dependencies, token: string): Promise<Open311Record> {
  const ticket = ULID.test(token) ? await deps.tickets.get(token) : undefined;
  if (!ticket) throw new Open311Error(404, `No request for token "${token}".`);
  return { service_request_id: ticket.id, token };
}

// Filing requests ----------------------------------------------------------------------------

/** Every argument the spec defines for POST requests; anything else is a 400 naming it. */
const SPEC_FIELDS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text({ max }).optional());
// An empty field is an absent one (HTML forms send every field); anything else must be a number.
const coordinate = (min: number, max: number) => z.preprocess((v) => (v === '' ? undefined : v), coordinateParam(min, max).optional());

const SubmitForm = z.object({
  service_code: z.string({ error: 'required' }).min(1, 'required').max(64),
  lat: coordinate(-90, 90),
  long: coordinate(-180, 180),
  address_string: optionalText(300),
  address_id: optionalText(100),
  email: z.preprocess((v) => (v === '' ? undefined : v), z.email().max(254).optional()),
  first_name: optionalText(100),
  last_name: optionalText(100),
  phone: optionalText(32),
  description: z.string({ error: 'required' }),
  media_url: z.preprocess((v) => (v === '' ? undefined : v), z.url().max(2048).optional()),
  device_id: optionalText(200),
  account_id: optionalText(200),
  ward_code: z.string({ error: 'required' }),
  urgent: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional()),
});

/** Our intake's field names, as the Open311 client sent them. */
const open311Names: Record<string, string> = {
  'body.category': 'service_code',
  'body.description': 'description',
  'body.location.wardCode': 'attribute[ward_code]',
  'body.location.lat': 'lat',
  'body.location.lng': 'long',
  'body.location.address': 'address_string',
  ward_code: 'attribute[ward_code]',
  urgent: 'attribute[urgent]',
};
const open311Path = (path: string) => open311Names[path] ?? path.replace(/^form\./, '');

function invalid(errors: Array<{ path: string; message: string }>): Open311Error {
  return new Open311Error(400, errors.map((e) => `${open311Path(e.path)}: ${e.message}`).join('; '));
}

export interface FiledRequest {
  ticket: Ticket;
  /** What to answer: service_request_id, service_notice, account_id. */
  answer: Open311Record;
}

export async function fileRequest(deps: Open311Dependencies, form: URLSearchParams, idempotencyKey?: string): Promise<FiledRequest> {
  const apiKey = form.get('api_key');
  if (!apiKey) throw new Open311Error(400, 'api_key is required to file a request.');
  const client = await authenticateClient(deps, apiKey);
  checkJurisdiction(form.get('jurisdiction_id') ?? undefined);

  const fields: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [name, value] of form) {
    const attribute = /^attribute\[(.+)\]$/.exec(name)?.[1];
    // Undeclared attributes are what other servers' clients send along (FixMyStreet sends
    // its report id, title, closest address ...): ignored, as the spec's attributes are per service.
    if (attribute) {
      if (attribute === 'ward_code' || attribute === 'urgent') fields[attribute] = value;
    } else if (SPEC_FIELDS.has(name)) fields[name] = value;
    else unknown.push(name);
  }
  if (unknown.length) throw new Open311Error(400, `Unknown argument(s): ${unknown.join(', ')}.`);
  const parsed = SubmitForm.safeParse(fields);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  const f = parsed.data;
  if ((f.lat === undefined) !== (f.long === undefined)) throw new Open311Error(400, 'lat and long go together.');
  if (f.lat === undefined && !f.address_string && !f.address_id) {
    throw new Open311Error(400, 'A location is required: lat and long, or address_string, or address_id.');
  }

  const input = CreateTicketBody.safeParse({
    category: f.service_code,
    description: f.description,
    location: {
      wardCode: f.ward_code,
      ...(f.lat !== undefined ? { lat: f.lat, lng: f.long } : {}),
      ...(f.address_string ? { address: f.address_string } : {}),
    },
    ...(f.urgent ? { urgent: ['true', '1', 'yes'].includes(f.urgent) } : {}),
  });
  if (!input.success) throw invalid(input.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));

  // Counted once the request is well-formed and keyed, so a client's bugs do not eat its quota.
  if (!(await deps.rateLimiter.take(`open311:${client.id}`, client.rateLimitPerMinute, deps.clock.now()))) {
    throw new Open311Error(429, `Too many requests: this api_key may file ${client.rateLimitPerMinute} per minute.`);
  }

  const name = [f.first_name, f.last_name].filter(Boolean).join(' ');
  const submitter: Principal = {
    userId: open311PrincipalId(client.id),
    role: 'citizen',
    ...(name ? { name } : {}),
    ...(f.phone ? { phone: f.phone } : {}),
    ...(f.email ? { email: f.email } : {}),
  };
  try {
    const { ticket } = await submitTicket(deps, submitter, input.data, idempotencyKey, { consentCollectedByClient: true });
    const department = await deps.departments.get(ticket.departmentId);
    return {
      ticket,
      answer: {
        service_request_id: ticket.id,
        service_notice: `${department?.name.en ?? ticket.departmentId}; expected by ${serviceRequestOf(ticket, { locale: 'en', extensions: false }).expected_datetime as string}`,
        ...(f.account_id ? { account_id: f.account_id } : {}),
      },
    };
  } catch (error) {
    if (error instanceof ValidationError) throw invalid(error.errors);
    throw error;
  }
}
