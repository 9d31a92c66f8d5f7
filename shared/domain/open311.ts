/**
 * Open311 GeoReport v2 as our model reads through it: which ticket fields become which
 * request fields, and who may see what. Pure: the HTTP layer serialises these records to
 * JSON or XML, the use cases feed them. docs/open311.md holds the mapping table.
 */
import type { Category } from './category.js';
import type { Department } from './department.js';
import type { Language } from './localized-text.js';
import { toLocalIso } from './working-hours.js';
import { processedStatuses, type Ticket, type TicketStatus } from './ticket.js';

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** Tickets filed through Open311 belong to this principal: one per client system. */
export const open311PrincipalId = (clientId: string) => `open311:${clientId}`;

export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];

/** `services.json` → {name: 'services', format: 'json'}; anything else is undefined (a 404). */
export function parseResource(file: string): { name: string; format: Open311Format } | undefined {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Open311Format } : undefined;
}

/** The format a failing request asked for, so even a 404 answers in it; JSON when unclear. */
export const formatOf = (file: string | undefined): Open311Format => (file && /\.xml$/.test(file) ? 'xml' : 'json');

/** An Open311 answer is a record of these: nested records and lists become XML elements. */
export type Open311Value = string | number | boolean | null | Open311Record | Open311Value[];
export interface Open311Record {
  [field: string]: Open311Value | undefined;
}

export class Open311Error extends Error {
  constructor(
    readonly code: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
  }
}

// Services -----------------------------------------------------------------------------------

export type Locale = Language;

/** Groups and keywords Open311 clients show; categories an admin adds later fall in "other". */
const presentation: Record<string, { group: keyof typeof groups; keywords: Record<Locale, string> }> = {
  urban_order: { group: 'public_order', keywords: { vi: 'lấn chiếm vỉa hè,quảng cáo,xây dựng trái phép', en: 'sidewalk encroachment,illegal advertising,street vending' } },
  roads_traffic: { group: 'infrastructure', keywords: { vi: 'ổ gà,đường hỏng,đèn giao thông,ùn tắc', en: 'pothole,road damage,traffic light,congestion' } },
  lighting_power: { group: 'infrastructure', keywords: { vi: 'đèn đường,mất điện,cột điện', en: 'street light,power outage,utility pole' } },
  water_drainage: { group: 'infrastructure', keywords: { vi: 'ngập úng,mất nước,cống,nắp cống', en: 'flooding,water supply,drain,manhole' } },
  environment: { group: 'environment', keywords: { vi: 'rác thải,ô nhiễm,tiếng ồn,cây xanh', en: 'rubbish,pollution,noise,trees' } },
  construction_land: { group: 'public_order', keywords: { vi: 'xây dựng,đất đai,giấy phép', en: 'construction,land,building permit' } },
  security_order: { group: 'public_order', keywords: { vi: 'an ninh,trộm cắp,gây rối', en: 'security,theft,disturbance' } },
  health: { group: 'public_services', keywords: { vi: 'y tế,bệnh viện,an toàn thực phẩm', en: 'health,hospital,food safety' } },
  education: { group: 'public_services', keywords: { vi: 'giáo dục,trường học', en: 'education,school' } },
  admin_procedures: { group: 'public_services', keywords: { vi: 'thủ tục hành chính,hồ sơ', en: 'administrative procedure,application' } },
  social_welfare: { group: 'public_services', keywords: { vi: 'an sinh xã hội,trợ cấp', en: 'social welfare,benefits' } },
};

const groups = {
  infrastructure: { vi: 'Hạ tầng', en: 'Infrastructure' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  public_order: { vi: 'Trật tự, an ninh', en: 'Public order' },
  public_services: { vi: 'Dịch vụ công', en: 'Public services' },
  other: { vi: 'Khác', en: 'Other' },
} as const;

export function serviceOf(category: Category, locale: Locale): Open311Record {
  const shown = presentation[category.code];
  return {
    service_code: category.code,
    service_name: category.name[locale],
    description: category.name[locale === 'vi' ? 'en' : 'vi'],
    metadata: true,
    type: 'realtime',
    keywords: shown?.keywords[locale] ?? category.code,
    group: groups[shown?.group ?? 'other'][locale],
  };
}

export interface WardOption {
  code: string;
  name: string;
}

/** Our ticket needs a ward (routing); `urgent` maps to the urgent severity. */
export function serviceDefinitionOf(category: Category, wards: WardOption[], locale: Locale): Open311Record {
  const en = locale === 'en';
  const wardAttribute: Open311Record =
    wards.length > 0
      ? {
          variable: true,
          code: 'ward_code',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: en ? 'The ward or commune where the problem is' : 'Phường, xã nơi xảy ra sự việc',
          order: 1,
          description: en ? 'Ward or commune' : 'Phường, xã',
          values: wards.map((w) => ({ key: w.code, name: w.name })),
        }
      : {
          variable: true,
          code: 'ward_code',
          datatype: 'string',
          required: true,
          datatype_description: en ? 'The 5-digit General Statistics Office code of the ward or commune' : 'Mã phường, xã 5 chữ số của Tổng cục Thống kê',
          order: 1,
          description: en ? 'Ward or commune code' : 'Mã phường, xã',
        };
  return {
    service_code: category.code,
    attributes: [
      wardAttribute,
      {
        variable: true,
        code: 'urgent',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: en ? 'Urgent cases are settled within 4 working hours' : 'Trường hợp khẩn cấp được xử lý trong 4 giờ làm việc',
        order: 2,
        description: en ? 'Urgent' : 'Khẩn cấp',
        values: [
          { key: 'false', name: en ? 'No' : 'Không' },
          { key: 'true', name: en ? 'Yes' : 'Có' },
        ],
      },
    ],
  };
}

// Requests -----------------------------------------------------------------------------------

/** Open311 knows two states: a ticket is `open` until it is processed (answered or rejected). */
export const open311Status = (status: TicketStatus): 'open' | 'closed' => (processedStatuses.has(status) ? 'closed' : 'open');

export const statusesFor = (status: 'open' | 'closed'): TicketStatus[] =>
  (['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected'] as const).filter((s) => open311Status(s) === status);

/** The latest public answer: the department's response, or the reason it declined. */
function statusNotes(ticket: Ticket): string | null {
  if (ticket.status === 'rejected' && ticket.rejection) return ticket.rejection.message;
  return ticket.response?.message ?? null;
}

export interface RequestContext {
  category?: Category;
  department?: Department;
  locale: Locale;
  extensions: boolean;
  /** A short-lived URL of the ticket's first photo (the caller signs it; shown for public tickets only). */
  mediaUrl?: string;
}

/**
 * A whitelist: never the submitter (name, phone, e-mail, account), and the place and the
 * citizen's own words only when the ticket is public.
 */
export function serviceRequestOf(ticket: Ticket, ctx: RequestContext): Open311Record {
  const isPublic = ticket.visibility === 'public';
  const { lat, lng, address } = ticket.location;
  return {
    service_request_id: ticket.id,
    status: open311Status(ticket.status),
    status_notes: statusNotes(ticket),
    service_name: ctx.category?.name[ctx.locale] ?? null,
    service_code: ticket.category,
    description: isPublic ? ticket.description : null,
    agency_responsible: ctx.department?.name[ctx.locale] ?? null,
    service_notice: null,
    requested_datetime: toLocalIso(ticket.createdAt),
    updated_datetime: toLocalIso(ticket.updatedAt),
    expected_datetime: toLocalIso(ticket.dueAt),
    ...(isPublic && address !== undefined ? { address } : {}),
    ...(isPublic && lat !== undefined && lng !== undefined ? { lat, long: lng } : {}),
    ...(isPublic && ctx.mediaUrl ? { media_url: ctx.mediaUrl } : {}),
    ...(ctx.extensions
      ? {
          extended_attributes: {
            status: ticket.status,
            reference: (ticket as Ticket & { ref?: string }).ref ?? ticket.id,
            ward_code: ticket.location.wardCode,
            rating: ticket.rating?.value ?? null,
          },
        }
      : {}),
  };
}

/** GET requests: at most 90 days in one query (the spec's default window, too). */
export const MAX_RANGE_DAYS = 90;
/** The spec caps one answer at 1000 requests; pages reach no further than that into a window. */
export const MAX_DEPTH = 1000;

export function requestWindow(now: Date, start?: Date, end?: Date): { from: Date; to: Date } {
  const day = 24 * 3600 * 1000;
  const to = end ?? (start ? new Date(Math.min(now.getTime(), start.getTime() + MAX_RANGE_DAYS * day)) : now);
  const from = start ?? new Date(to.getTime() - MAX_RANGE_DAYS * day);
  if (from.getTime() > to.getTime()) throw new Open311Error(400, 'start_date must not be after end_date.');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * day) throw new Open311Error(400, `start_date and end_date may be at most ${MAX_RANGE_DAYS} days apart.`);
  return { from, to };
}
