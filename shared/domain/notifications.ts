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
 * This module holds the rules and the recipients; the texts are in notification-templates.ts,
 * how they show times and quotes in notification-format.ts.
 */
import type { NotifiableEvent } from '../schemas/event-item.js';
import type { Language, LocalizedText } from './localized-text.js';
import { excerpt, formatLocal, formatLocalShort, shortRef } from './notification-format.js';
import {
  citizenTemplates,
  departmentTemplates,
  followerTemplates,
  parentTemplates,
  rejectReasonLabels,
  severityLabels,
  type Rendered,
  type Templates,
  type TemplateParams,
} from './notification-templates.js';
import { ERASED_CITIZEN_ID } from './personal-data.js';

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

// The texts each audience gets.
const templatesFor: Record<Audience, Templates> = { citizen: citizenTemplates, department: departmentTemplates, parent: parentTemplates, follower: followerTemplates };

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
    original: reasonCode === 'duplicate' && str(event.data.duplicateOf) ? (str(event.data.duplicateOfRef) ?? shortRef(str(event.data.duplicateOf)!)) : '',
  };
  const out = template(params);
  return { title: out.title.normalize('NFC'), body: out.body.normalize('NFC'), ...(out.sms ? { sms: out.sms.normalize('NFC') } : {}) };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

