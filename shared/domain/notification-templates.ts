/**
 * The texts of notifications, per audience, event type and language. Each template gets the
 * same prepared parameters (notifications.ts `render`); SMS variants exist only for the
 * citizen milestones that may go by SMS and fit one segment (tested).
 */
import type { Language, LocalizedText } from './localized-text.js';

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

export type Template = (p: TemplateParams) => Rendered;
export type Templates = Partial<Record<string, Record<Language, Template>>>;

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

/** Every SMS a template can produce fits this many segments (tests check them all). */
export const SMS_MAX_SEGMENTS = 1;
