/**
 * Who is told what when a ticket changes. Pure: given one ticket event (the outbox item), the
 * citizen's preferences and the names of the units involved, `planNotifications` returns the
 * in-app inbox entries to write and the messages to send, in the reader's language.
 *
 * The matrix (docs/notifications.md):
 *   citizen    — inbox always; push and e-mail when turned on; SMS when turned on and only for
 *                the milestones that warrant one (received, question, answer, refusal).
 *   department — new work (created, transferred in), the citizen's added information,
 *                a reopen, the acknowledgement deadline missed, overdue, escalated.
 *   parent     — the unit above, when a ticket is escalated to it.
 * Internal events (notes) never reach a citizen. Unknown event types are ignored.
 *
 * Times shown to people are local (UTC+7, no daylight saving in Vietnam).
 */
import type { NotifiableEvent } from '../schemas/event-item.js';
import type { LocalizedText } from './localized-text.js';
import { ERASED_CITIZEN_ID } from './personal-data.js';
import { countSms } from './sms.js';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

export const channels = ['sms', 'email', 'push'] as const;
export type Channel = (typeof channels)[number];

export interface NotificationPreferences {
  channels: Record<Channel, boolean>;
  /** E.164; required while SMS is on. */
  phone?: string;
  /** Required while e-mail is on. */
  email?: string;
  language: Language;
  updatedAt?: string;
}

/**
 * Until a citizen says otherwise: the in-app inbox only, in Vietnamese. Sending SMS or e-mail
 * needs the citizen's consent (Decree 13/2023/NĐ-CP on personal data) and costs money; the app
 * turns push on once the phone grants permission.
 */
export const defaultPreferences: NotificationPreferences = {
  channels: { sms: false, email: false, push: false },
  language: 'vi',
};

/** Staff read department notifications in Vietnamese, the administration's language. */
export const DEPARTMENT_LANGUAGE: Language = 'vi';

/** Inbox items live 180 days (TTL). */
export const INBOX_TTL_DAYS = 180;

/** An event item as notifying reads it: its one contract is shared/schemas/event-item.ts. */
export type { NotifiableEvent };

export interface NotificationRule {
  /** The ticket's owner: inbox, push and e-mail per preferences; SMS only where `sms`. */
  citizen?: { sms: boolean };
  /** The department holding the ticket after the event. */
  department?: boolean;
  /** The unit above it (escalation): `data.to`, else the department's parent. */
  parent?: boolean;
}

/**
 * Every event type the workflow records has a row here, even when nobody is told (a test
 * checks this against the workflow's list). A type not listed is ignored.
 */
export const notificationMatrix: Readonly<Record<string, NotificationRule>> = {
  created: { citizen: { sms: true }, department: true },
  acknowledged: { citizen: { sms: false } },
  info_requested: { citizen: { sms: true } },
  commented: { department: true },
  responded: { citizen: { sms: true } },
  transferred: { citizen: { sms: false }, department: true },
  rejected: { citizen: { sms: true } },
  note_added: {},
  severity_changed: { citizen: { sms: false } },
  closed: { citizen: { sms: false } },
  ack_overdue: { department: true },
  overdue: { department: true },
  escalated: { citizen: { sms: false }, department: true, parent: true },
  auto_closed: { citizen: { sms: false } },
  rated: {},
  reopened: { citizen: { sms: false }, department: true },
  // Who works a ticket is the department's own business.
  claimed: {},
  released: {},
  // A change of map, not of anything the citizen or the unit did.
  area_migrated: {},
  /** Erasure or retention: the citizen is gone and the unit's record is unchanged, so nobody is told. */
  personal_data_removed: {},
};

export function ruleFor(type: string): NotificationRule | undefined {
  return Object.hasOwn(notificationMatrix, type) ? notificationMatrix[type] : undefined;
}

export type InboxOwner = { kind: 'user'; userId: string } | { kind: 'department'; departmentId: string };

export type OutboundMessage =
  | { channel: 'sms'; phoneNumber: string; text: string }
  | { channel: 'email'; address: string; subject: string; text: string }
  | { channel: 'push'; userId: string; title: string; text: string }
  /** To the department alerts topic; subscribers filter on departmentId. */
  | { channel: 'alert'; departmentId: string; subject: string; text: string };

/** `follower`: a citizen following someone else's ticket ("me too"): the citizen's milestones, never the owner's data. */
export type Audience = 'citizen' | 'department' | 'parent' | 'follower';

export interface PlannedNotification {
  owner: InboxOwner;
  audience: Audience;
  language: Language;
  title: string;
  body: string;
  /** At most one per channel. */
  messages: OutboundMessage[];
}

export interface PlanContext {
  /** The citizen's preferences (defaults when unset). */
  preferences: NotificationPreferences;
  /** Names of the departments the event mentions; unknown ids are shown as ids. */
  departmentNames: ReadonlyMap<string, LocalizedText>;
  /** The unit above the ticket's department, for escalations without `data.to`. */
  parentDepartmentId?: string;
}

/** Events whose `data.from` / `data.to` name departments (elsewhere they may be severities); a second
 * `not_satisfied` reopens the ticket at the unit above, `from` the one that answered. */
const movesBetweenDepartments = new Set(['transferred', 'escalated', 'reopened']);

/** The departments an event moves a ticket from and to (transfer, escalation). */
export function departmentMoves(event: NotifiableEvent, parentDepartmentId?: string): { from?: string; to?: string } {
  if (!movesBetweenDepartments.has(event.type)) return {};
  const from = str(event.data.from);
  const to = str(event.data.to) ?? (event.type === 'escalated' ? parentDepartmentId : undefined);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The departments whose names the texts need, so the caller can look them up first. */
export function departmentsMentioned(event: NotifiableEvent, parentDepartmentId?: string): string[] {
  const { from, to } = departmentMoves(event, parentDepartmentId);
  return [...new Set([event.ticket.departmentId, from, to].filter((id): id is string => !!id))];
}

/** The unit an escalation goes to, if known. */
export function escalationTarget(event: NotifiableEvent, parentDepartmentId?: string): string | undefined {
  return event.type === 'escalated' ? departmentMoves(event, parentDepartmentId).to : undefined;
}

/**
 * Who gets an inbox item for this event, before any text is written: it depends on the event
 * alone (and the unit above the ticket's department), not on anyone's preferences.
 */
export function recipientsOf(event: NotifiableEvent, parentDepartmentId?: string): Array<{ owner: InboxOwner; audience: Audience }> {
  const rule = ruleFor(event.type);
  if (!rule) return [];
  const out: Array<{ owner: InboxOwner; audience: Audience }> = [];
  // An erased citizen has no contact left to tell; their followers still are (notifyEvent).
  if (rule.citizen && event.visibility === 'public' && event.ticket.citizenId !== ERASED_CITIZEN_ID) {
    out.push({ owner: { kind: 'user', userId: event.ticket.citizenId }, audience: 'citizen' });
  }
  if (rule.department) out.push({ owner: { kind: 'department', departmentId: event.ticket.departmentId }, audience: 'department' });
  const parent = rule.parent ? escalationTarget(event, parentDepartmentId) : undefined;
  if (parent && parent !== event.ticket.departmentId) out.push({ owner: { kind: 'department', departmentId: parent }, audience: 'parent' });
  return out;
}

export function planNotifications(event: NotifiableEvent, ctx: PlanContext): PlannedNotification[] {
  const rule = ruleFor(event.type);
  if (!rule) return [];
  const plans: PlannedNotification[] = [];
  for (const { owner, audience } of recipientsOf(event, ctx.parentDepartmentId)) {
    if (owner.kind === 'user') {
      const prefs = ctx.preferences;
      const text = render(event, 'citizen', prefs.language, ctx);
      if (!text) continue;
      const messages: OutboundMessage[] = [];
      if (prefs.channels.push) messages.push({ channel: 'push', userId: owner.userId, title: text.title, text: text.body });
      if (prefs.channels.email && prefs.email) messages.push({ channel: 'email', address: prefs.email, subject: text.title, text: text.body });
      if (rule.citizen?.sms && prefs.channels.sms && prefs.phone && text.sms) messages.push({ channel: 'sms', phoneNumber: prefs.phone, text: text.sms });
      plans.push({ owner, audience, language: prefs.language, title: text.title, body: text.body, messages });
    } else {
      const text = render(event, audience, DEPARTMENT_LANGUAGE, ctx);
      if (!text) continue;
      plans.push({
        owner,
        audience,
        language: DEPARTMENT_LANGUAGE,
        title: text.title,
        body: text.body,
        messages: [{ channel: 'alert', departmentId: owner.departmentId, subject: text.title, text: text.body }],
      });
    }
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Texts

export interface Rendered {
  title: string;
  body: string;
  /** Only for the citizen milestones that may go by SMS; one segment (tested). */
  sms?: string;
}

export interface TemplateParams {
  /** The ticket's reference (`HN-261202-0042`); `#` + the id's last 6 characters for tickets from before references. */
  ref: string;
  /** The ticket's department (after the event). */
  dept: string;
  /** Where the event sent the ticket, or came from (transfer, escalation). */
  from: string;
  to: string;
  due: string;
  dueShort: string;
  ackDue: string;
  severity: string;
  reason: string;
  /** The message the event carries (question, answer, comment, transfer reason), shortened. */
  excerpt: string;
  /** A duplicate: the short reference of the original, which its people now follow (else empty). */
  original: string;
}

type Template = (p: TemplateParams) => Rendered;
type Templates = Partial<Record<string, Record<Language, Template>>>;

/** The quoted message as a sentence of its own: ` “…”`, ending in a stop inside the quotes. */
const quote = (p: TemplateParams) => (p.excerpt ? ` “${p.excerpt}${/[.!?…]$/.test(p.excerpt) ? '' : '.'}”` : '');

export const citizenTemplates: Templates = {
  created: {
    vi: (p) => ({
      title: `Đã tiếp nhận phản ánh ${p.ref}`,
      body: `Phản ánh ${p.ref} của bạn đã được tiếp nhận và chuyển đến ${p.dept}. Hạn trả lời: ${p.due}.`,
      sms: `Phản ánh ${p.ref} đã được tiếp nhận, hạn trả lời ${p.dueShort}.`,
    }),
    en: (p) => ({
      title: `Feedback ${p.ref} received`,
      body: `Your feedback ${p.ref} was received and sent to ${p.dept}. An answer is due by ${p.due} (UTC+7).`,
      sms: `Your feedback ${p.ref} was received. An answer is due by ${p.dueShort} (UTC+7).`,
    }),
  },
  acknowledged: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} đang được xử lý`, body: `${p.dept} đã tiếp nhận và bắt đầu xử lý phản ánh ${p.ref}. Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} is being handled`, body: `${p.dept} has started working on your feedback ${p.ref}. An answer is due by ${p.due} (UTC+7).` }),
  },
  info_requested: {
    vi: (p) => ({
      title: `Phản ánh ${p.ref} cần bổ sung thông tin`,
      body: `${p.dept} đề nghị bạn bổ sung thông tin:${quote(p)} Vui lòng trả lời trong ứng dụng.`,
      sms: `Phản ánh ${p.ref} cần bổ sung thông tin. Xem trong ứng dụng.`,
    }),
    en: (p) => ({
      title: `More information needed for ${p.ref}`,
      body: `${p.dept} asks you for more information:${quote(p)} Please answer in the app.`,
      sms: `Feedback ${p.ref}: more information is needed. Please answer in the app.`,
    }),
  },
  responded: {
    vi: (p) => ({
      title: `Phản ánh ${p.ref} đã có trả lời`,
      body: `${p.dept} trả lời:${quote(p)} Vui lòng đánh giá mức độ hài lòng trong ứng dụng.`,
      sms: `Phản ánh ${p.ref} đã có trả lời. Xem, đánh giá trong ứng dụng.`,
    }),
    en: (p) => ({
      title: `Your feedback ${p.ref} has an answer`,
      body: `${p.dept} answered:${quote(p)} Please rate the answer in the app.`,
      sms: `Feedback ${p.ref} has an answer. Read and rate it in the app.`,
    }),
  },
  transferred: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} được chuyển đơn vị xử lý`, body: `Phản ánh ${p.ref} đã được chuyển đến ${p.dept}, đơn vị có thẩm quyền. Hạn trả lời mới: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} passed to another unit`, body: `Your feedback ${p.ref} was passed to ${p.dept}, the competent unit. New answer deadline: ${p.due} (UTC+7).` }),
  },
  rejected: {
    vi: (p) => ({
      title: `Phản ánh ${p.ref} không được thụ lý`,
      body: `${p.dept} không thụ lý phản ánh ${p.ref}. Lý do: ${p.reason}.${quote(p)}${p.original ? ` Bạn được chuyển sang theo dõi phản ánh ${p.original} và sẽ nhận thông báo về phản ánh đó.` : ''}`,
      sms: `Phản ánh ${p.ref} không được thụ lý. Xem lý do trong ứng dụng.`,
    }),
    en: (p) => ({
      title: `Feedback ${p.ref} was not accepted`,
      body: `${p.dept} did not accept your feedback ${p.ref}. Reason: ${p.reason}.${quote(p)}${p.original ? ` You now follow ${p.original} and will be told of its progress.` : ''}`,
      sms: `Feedback ${p.ref} was not accepted. See why in the app.`,
    }),
  },
  severity_changed: {
    vi: (p) => ({ title: `Phản ánh ${p.ref}: thời hạn được cập nhật`, body: `Mức độ của phản ánh ${p.ref} được điều chỉnh thành ${p.severity}. Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref}: deadline updated`, body: `Your feedback ${p.ref} is now rated ${p.severity}. An answer is due by ${p.due} (UTC+7).` }),
  },
  closed: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} đã kết thúc`, body: `Phản ánh ${p.ref} đã được đóng. Cảm ơn bạn đã góp ý.` }),
    en: (p) => ({ title: `Feedback ${p.ref} closed`, body: `Your feedback ${p.ref} was closed. Thank you for speaking up.` }),
  },
  escalated: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} được cấp trên đôn đốc`, body: `Phản ánh ${p.ref} đã quá hạn và được báo cáo lên ${p.to} để đôn đốc xử lý.` }),
    en: (p) => ({ title: `Feedback ${p.ref} escalated`, body: `Your feedback ${p.ref} is overdue and was reported to ${p.to}, which will follow it up.` }),
  },
  auto_closed: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} đã tự động kết thúc`, body: `Phản ánh ${p.ref} được đóng sau 7 ngày kể từ khi có trả lời mà chưa được đánh giá.` }),
    en: (p) => ({ title: `Feedback ${p.ref} closed automatically`, body: `Your feedback ${p.ref} was closed 7 days after its answer, as it was not rated.` }),
  },
  reopened: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} được xử lý lại`, body: `Vì bạn chưa hài lòng, phản ánh ${p.ref} đã được mở lại để ${p.dept} xử lý tiếp. Hạn trả lời mới: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} reopened`, body: `As you were not satisfied, your feedback ${p.ref} was reopened for ${p.dept} to work on. New answer deadline: ${p.due} (UTC+7).` }),
  },
};

/**
 * For followers: the outcome and the milestones, about "the report you follow". Nothing
 * addressed to the owner (a question, which only the owner can answer) and nothing of theirs.
 */
export const followerTemplates: Templates = {
  acknowledged: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi đang được xử lý`, body: `${p.dept} đã bắt đầu xử lý phản ánh ${p.ref} mà bạn theo dõi. Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow is being handled`, body: `${p.dept} has started working on feedback ${p.ref}, which you follow. An answer is due by ${p.due} (UTC+7).` }),
  },
  responded: {
    vi: (p) => ({
      title: `Phản ánh ${p.ref} bạn theo dõi đã có trả lời`,
      body: `${p.dept} trả lời phản ánh ${p.ref}:${quote(p)}`,
      sms: `Phản ánh ${p.ref} bạn theo dõi đã có trả lời. Xem trong ứng dụng.`,
    }),
    en: (p) => ({
      title: `Feedback ${p.ref} you follow has an answer`,
      body: `${p.dept} answered feedback ${p.ref}:${quote(p)}`,
      sms: `Feedback ${p.ref} you follow has an answer. See it in the app.`,
    }),
  },
  transferred: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi được chuyển đơn vị`, body: `Phản ánh ${p.ref} đã được chuyển đến ${p.dept}. Hạn trả lời mới: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow passed to another unit`, body: `Feedback ${p.ref} was passed to ${p.dept}. New answer deadline: ${p.due} (UTC+7).` }),
  },
  rejected: {
    vi: (p) => ({
      title: `Phản ánh ${p.ref} bạn theo dõi không được thụ lý`,
      body: `${p.dept} không thụ lý phản ánh ${p.ref}. Lý do: ${p.reason}.${p.original ? ` Bạn được chuyển sang theo dõi phản ánh ${p.original}.` : ''}`,
      sms: `Phản ánh ${p.ref} bạn theo dõi không được thụ lý. Xem trong ứng dụng.`,
    }),
    en: (p) => ({
      title: `Feedback ${p.ref} you follow was not accepted`,
      body: `${p.dept} did not accept feedback ${p.ref}. Reason: ${p.reason}.${p.original ? ` You now follow ${p.original} instead.` : ''}`,
      sms: `Feedback ${p.ref} you follow was not accepted. See why in the app.`,
    }),
  },
  closed: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi đã kết thúc`, body: `Phản ánh ${p.ref} đã được đóng.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow closed`, body: `Feedback ${p.ref} was closed.` }),
  },
  auto_closed: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi đã kết thúc`, body: `Phản ánh ${p.ref} đã được đóng.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow closed`, body: `Feedback ${p.ref} was closed.` }),
  },
  escalated: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi được cấp trên đôn đốc`, body: `Phản ánh ${p.ref} đã quá hạn và được báo cáo lên ${p.to}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow escalated`, body: `Feedback ${p.ref} is overdue and was reported to ${p.to}.` }),
  },
  reopened: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bạn theo dõi được xử lý lại`, body: `Phản ánh ${p.ref} đã được mở lại để ${p.dept} xử lý tiếp. Hạn trả lời mới: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} you follow reopened`, body: `Feedback ${p.ref} was reopened for ${p.dept} to work on. New answer deadline: ${p.due} (UTC+7).` }),
  },
};

/** What each follower is sent for an event (none: not a follower milestone, or an internal event). */
export function planForFollower(event: NotifiableEvent, userId: string, prefs: NotificationPreferences, ctx: Pick<PlanContext, 'departmentNames' | 'parentDepartmentId'>): PlannedNotification | undefined {
  const rule = ruleFor(event.type);
  if (!rule?.citizen || event.visibility !== 'public') return undefined;
  const text = render(event, 'follower', prefs.language, ctx);
  if (!text) return undefined;
  const messages: OutboundMessage[] = [];
  if (prefs.channels.push) messages.push({ channel: 'push', userId, title: text.title, text: text.body });
  if (prefs.channels.email && prefs.email) messages.push({ channel: 'email', address: prefs.email, subject: text.title, text: text.body });
  if (rule.citizen.sms && prefs.channels.sms && prefs.phone && text.sms) messages.push({ channel: 'sms', phoneNumber: prefs.phone, text: text.sms });
  return { owner: { kind: 'user', userId }, audience: 'follower', language: prefs.language, title: text.title, body: text.body, messages };
}

export const departmentTemplates: Templates = {
  created: {
    vi: (p) => ({ title: `Phản ánh mới ${p.ref}`, body: `Phản ánh ${p.ref} (mức độ ${p.severity}) vừa được giao cho ${p.dept}.${p.ackDue ? ` Hạn tiếp nhận: ${p.ackDue}.` : ''} Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `New feedback ${p.ref}`, body: `Feedback ${p.ref} (${p.severity}) was assigned to ${p.dept}.${p.ackDue ? ` Acknowledge by ${p.ackDue}.` : ''} Answer by ${p.due} (UTC+7).` }),
  },
  transferred: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} được chuyển đến đơn vị`, body: `${p.from} chuyển phản ánh ${p.ref} đến ${p.dept}.${quote(p)} Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} transferred to you`, body: `${p.from} passed feedback ${p.ref} to ${p.dept}.${quote(p)} Answer by ${p.due} (UTC+7).` }),
  },
  commented: {
    vi: (p) => ({ title: `Người dân bổ sung thông tin cho ${p.ref}`, body: `Người gửi phản ánh ${p.ref} đã bổ sung thông tin:${quote(p)}` }),
    en: (p) => ({ title: `The citizen added information to ${p.ref}`, body: `The citizen who sent ${p.ref} added:${quote(p)}` }),
  },
  reopened: {
    vi: (p) =>
      p.from
        ? { title: `Phản ánh ${p.ref} được chuyển lên đơn vị`, body: `Người dân lần thứ hai chưa hài lòng với trả lời của ${p.from}; phản ánh ${p.ref} được chuyển lên ${p.dept} xử lý. Hạn trả lời: ${p.due}.` }
        : { title: `Phản ánh ${p.ref} bị mở lại`, body: `Người dân chưa hài lòng với câu trả lời; phản ánh ${p.ref} được mở lại. Hạn trả lời mới: ${p.due}.` },
    en: (p) =>
      p.from
        ? { title: `Feedback ${p.ref} passed up to you`, body: `The citizen was not satisfied with ${p.from}'s answer a second time; ${p.ref} now goes to ${p.dept}. Answer by ${p.due} (UTC+7).` }
        : { title: `Feedback ${p.ref} reopened`, body: `The citizen was not satisfied with the answer; ${p.ref} is open again. New answer deadline: ${p.due} (UTC+7).` },
  },
  ack_overdue: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} chưa được tiếp nhận đúng hạn`, body: `Hạn tiếp nhận${p.ackDue ? ` ${p.ackDue}` : ''} đã qua. Hạn trả lời: ${p.due}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} not acknowledged in time`, body: `The acknowledgement deadline${p.ackDue ? ` ${p.ackDue}` : ''} has passed. Answer by ${p.due} (UTC+7).` }),
  },
  overdue: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} đã quá hạn`, body: `Hạn trả lời ${p.due} đã qua. Nếu tiếp tục chậm, phản ánh sẽ được báo cáo lên đơn vị cấp trên.` }),
    en: (p) => ({ title: `Feedback ${p.ref} is overdue`, body: `The answer deadline ${p.due} (UTC+7) has passed. If it stays late, it will be reported to the unit above.` }),
  },
  escalated: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} bị báo cáo lên cấp trên`, body: `Phản ánh ${p.ref} quá hạn (${p.due}) đã được báo cáo lên ${p.to}.` }),
    en: (p) => ({ title: `Feedback ${p.ref} escalated`, body: `Feedback ${p.ref}, overdue since ${p.due} (UTC+7), was reported to ${p.to}.` }),
  },
};

export const parentTemplates: Templates = {
  escalated: {
    vi: (p) => ({ title: `Phản ánh ${p.ref} của ${p.dept} quá hạn`, body: `Phản ánh ${p.ref} do ${p.dept} xử lý đã quá hạn ${p.due} và được báo cáo lên ${p.to} để đôn đốc.` }),
    en: (p) => ({ title: `Feedback ${p.ref} at ${p.dept} is overdue`, body: `Feedback ${p.ref}, handled by ${p.dept}, is overdue since ${p.due} (UTC+7) and was reported to ${p.to} for follow-up.` }),
  },
};

const templatesFor: Record<Audience, Templates> = { citizen: citizenTemplates, department: departmentTemplates, parent: parentTemplates, follower: followerTemplates };

export const severityLabels: Record<string, LocalizedText> = {
  urgent: { vi: 'khẩn cấp', en: 'urgent' },
  complex: { vi: 'phức tạp', en: 'complex' },
  normal: { vi: 'thông thường', en: 'normal' },
};

export const rejectReasonLabels: Record<string, LocalizedText> = {
  duplicate: { vi: 'trùng với phản ánh đã có', en: 'it duplicates another report' },
  out_of_scope: { vi: 'không thuộc phạm vi tiếp nhận', en: 'it is outside what this service handles' },
  complaint_procedure: { vi: 'là khiếu nại, tố cáo, cần gửi theo thủ tục riêng', en: 'it is a complaint, which has its own procedure' },
  spam: { vi: 'nội dung không phù hợp', en: 'its content is not appropriate' },
  insufficient_info: { vi: 'thiếu thông tin để xử lý', en: 'it lacks the information needed to act' },
};

export const EXCERPT_LENGTH = 280;

export function render(event: NotifiableEvent, audience: Audience, language: Language, ctx: Pick<PlanContext, 'departmentNames' | 'parentDepartmentId'>): Rendered | undefined {
  const template = templatesFor[audience][event.type]?.[language];
  if (!template) return undefined;
  const name = (id: string | undefined) => (id ? (ctx.departmentNames.get(id)?.[language] ?? id) : '');
  const dueAt = str(event.data.dueAt) ?? event.ticket.dueAt;
  const ackDueAt = str(event.data.ackDueAt) ?? event.ticket.ackDueAt;
  const severity = (event.type === 'severity_changed' ? str(event.data.to) : undefined) ?? event.ticket.severity;
  const reasonCode = str(event.data.reasonCode);
  const moves = departmentMoves(event, ctx.parentDepartmentId);
  const params: TemplateParams = {
    ref: event.ticket.ref ?? shortRef(event.ticketId),
    dept: name(event.ticket.departmentId),
    from: name(moves.from),
    to: name(moves.to),
    due: formatLocal(dueAt),
    dueShort: formatLocalShort(dueAt),
    ackDue: ackDueAt ? formatLocal(ackDueAt) : '',
    severity: severityLabels[severity]?.[language] ?? severity,
    reason: reasonCode ? (rejectReasonLabels[reasonCode]?.[language] ?? reasonCode) : '',
    excerpt: excerpt(str(event.data.message) ?? str(event.data.reason) ?? ''),
    original: reasonCode === 'duplicate' && str(event.data.duplicateOf) ? shortRef(str(event.data.duplicateOf)!) : '',
  };
  const out = template(params);
  return { title: out.title.normalize('NFC'), body: out.body.normalize('NFC'), ...(out.sms ? { sms: out.sms.normalize('NFC') } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** `#` and the last 6 characters of the ticket id: short enough for an SMS, unique enough for one citizen. */
export function shortRef(ticketId: string): string {
  return `#${ticketId.slice(-6).toUpperCase()}`;
}

const OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function local(iso: string): Date | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t + OFFSET_MS);
}

/** `17:00 12/03/2026`, in UTC+7. */
export function formatLocal(iso: string): string {
  const d = local(iso);
  if (!d) return iso;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `17:00 12/03`, in UTC+7 (SMS). */
export function formatLocalShort(iso: string): string {
  const d = local(iso);
  if (!d) return iso;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;
}

/** An ISO instant with the +07:00 offset, for people reading API replies. */
export function toLocalIso(iso: string): string {
  const d = local(iso);
  if (!d) return iso;
  return `${d.toISOString().slice(0, 19)}+07:00`;
}

/** Whitespace collapsed, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim().normalize('NFC');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Every SMS a template can produce fits this many segments (tests check them all). */
export const SMS_MAX_SEGMENTS = 1;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
