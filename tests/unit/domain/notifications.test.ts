import { describe, expect, it } from 'vitest';
import { languages } from '../../../shared/domain/localized-text.js';
import { excerpt, formatLocal, formatLocalShort, shortRef } from '../../../shared/domain/notification-format.js';
import { citizenTemplates, departmentTemplates, parentTemplates, SMS_MAX_SEGMENTS, type TemplateParams } from '../../../shared/domain/notification-templates.js';
import { defaultPreferences, notificationMatrix, planNotifications, render, ruleFor, type NotifiableEvent, type NotificationPreferences } from '../../../shared/domain/notifications.js';
import { toLocalIso } from '../../../shared/domain/working-hours.js';
import { countSms } from '../../../shared/domain/sms.js';
import { ticketEventTypes } from '../../../shared/domain/workflow.js';

const names = new Map([
  ['ward-00001', { vi: 'UBND Phường Phúc Xá', en: "People's Committee of Phuc Xa ward" }],
  ['district-001', { vi: 'UBND Quận Ba Đình', en: "People's Committee of Ba Dinh district" }],
  ['city-transport', { vi: 'Sở Giao thông Vận tải', en: 'Department of Transport' }],
]);

function event(type: string, extra: Partial<NotifiableEvent> = {}): NotifiableEvent {
  return {
    eventId: '01JEVENT0000000000000000AB',
    ticketId: '01JTICKET00000000000K3X9ZQ',
    version: 2,
    type,
    at: '2026-03-10T02:00:00.000Z',
    actor: { id: 'staff-1', role: 'staff' },
    visibility: 'public',
    data: {},
    ticket: { citizenId: 'alice', departmentId: 'ward-00001', category: 'environment', wardCode: '00001', districtCode: '001', severity: 'normal', status: 'in_progress', dueAt: '2026-03-12T10:00:00.000Z' },
    ...extra,
  };
}

const allOn: NotificationPreferences = { channels: { sms: true, email: true, push: true }, phone: '+84901234567', email: 'alice@example.vn', language: 'vi' };
const plan = (e: NotifiableEvent, preferences: NotificationPreferences = defaultPreferences, parentDepartmentId?: string) =>
  planNotifications(e, { preferences, departmentNames: names, ...(parentDepartmentId ? { parentDepartmentId } : {}) });

describe('the notification matrix', () => {
  it('decides for every event type the workflow records (even when the answer is nobody)', () => {
    const missing = ticketEventTypes.filter((t) => !ruleFor(t));
    expect(missing).toEqual([]);
  });

  it('has vi and en texts for every audience it names', () => {
    for (const [type, rule] of Object.entries(notificationMatrix)) {
      for (const language of languages) {
        if (rule.citizen) expect(citizenTemplates[type]?.[language], `${type} citizen ${language}`).toBeTypeOf('function');
        if (rule.department) expect(departmentTemplates[type]?.[language], `${type} department ${language}`).toBeTypeOf('function');
        if (rule.parent) expect(parentTemplates[type]?.[language], `${type} parent ${language}`).toBeTypeOf('function');
      }
    }
  });

  it('ignores unknown event types, including ones named like Object properties', () => {
    expect(ruleFor('teleported')).toBeUndefined();
    expect(ruleFor('constructor')).toBeUndefined();
    expect(plan(event('teleported'), allOn)).toEqual([]);
  });

  it('created: the citizen (inbox only by default) and the department (inbox + alert)', () => {
    const plans = plan(event('created', { actor: { id: 'alice', role: 'citizen' }, version: 1 }));
    expect(plans.map((p) => [p.owner, p.audience, p.messages.map((m) => m.channel)])).toEqual([
      [{ kind: 'user', userId: 'alice' }, 'citizen', []],
      [{ kind: 'department', departmentId: 'ward-00001' }, 'department', ['alert']],
    ]);
    expect(plans[0]!.title).toBe(`Đã tiếp nhận phản ánh ${shortRef(event('created').ticketId)}`);
    expect(plans[0]!.body).toContain('UBND Phường Phúc Xá');
    expect(plans[0]!.body).toContain('17:00 12/03/2026');
  });

  it('sends SMS only for milestones, and only when the citizen turned SMS on with a phone', () => {
    const channelsFor = (type: string, prefs: NotificationPreferences) => plan(event(type), prefs).find((p) => p.audience === 'citizen')?.messages.map((m) => m.channel);
    expect(channelsFor('created', allOn)).toEqual(['push', 'email', 'sms']);
    expect(channelsFor('info_requested', allOn)).toEqual(['push', 'email', 'sms']);
    expect(channelsFor('responded', allOn)).toEqual(['push', 'email', 'sms']);
    expect(channelsFor('rejected', allOn)).toEqual(['push', 'email', 'sms']);
    expect(channelsFor('acknowledged', allOn)).toEqual(['push', 'email']);
    expect(channelsFor('auto_closed', allOn)).toEqual(['push', 'email']);
    const smsOff = { ...allOn, channels: { ...allOn.channels, sms: false } };
    expect(channelsFor('responded', smsOff)).toEqual(['push', 'email']);
    const sms = plan(event('responded'), allOn)[0]!.messages.find((m) => m.channel === 'sms');
    expect(sms).toEqual({ channel: 'sms', phoneNumber: '+84901234567', text: `Phản ánh ${shortRef(event('x').ticketId)} đã có trả lời. Xem, đánh giá trong ứng dụng.` });
  });

  it('never tells a citizen about an internal event, whatever the matrix says', () => {
    expect(plan(event('note_added', { visibility: 'internal', data: { message: 'secret' } }), allOn)).toEqual([]);
    expect(plan(event('responded', { visibility: 'internal' }), allOn).filter((p) => p.audience === 'citizen')).toEqual([]);
  });

  it('tells the department what the citizen added, and not the citizen', () => {
    const plans = plan(event('commented', { actor: { id: 'alice', role: 'citizen' }, data: { message: 'Ảnh chụp lúc 7 giờ sáng, rác vẫn còn.' } }), allOn);
    expect(plans.map((p) => p.audience)).toEqual(['department']);
    expect(plans[0]!.body).toBe('Người gửi phản ánh #K3X9ZQ đã bổ sung thông tin: “Ảnh chụp lúc 7 giờ sáng, rác vẫn còn.”');
    // A quoted question ends its own sentence: no “….”. doubled stops.
    const asked = plan(event('info_requested', { data: { message: 'Xin gửi ảnh chụp vị trí' } }))[0]!.body;
    expect(asked).toBe('UBND Phường Phúc Xá đề nghị bạn bổ sung thông tin: “Xin gửi ảnh chụp vị trí.” Vui lòng trả lời trong ứng dụng.');
  });

  it('escalated: the citizen, the department and the unit above (data.to, else the parent)', () => {
    const withTo = plan(event('escalated', { actor: { id: 'sla-sweep', role: 'system' }, data: { departmentId: 'ward-00001', to: 'district-001' } }));
    expect(withTo.map((p) => [p.audience, p.owner])).toEqual([
      ['citizen', { kind: 'user', userId: 'alice' }],
      ['department', { kind: 'department', departmentId: 'ward-00001' }],
      ['parent', { kind: 'department', departmentId: 'district-001' }],
    ]);
    expect(withTo[2]!.messages).toEqual([{ channel: 'alert', departmentId: 'district-001', subject: withTo[2]!.title, text: withTo[2]!.body }]);
    expect(withTo[2]!.body).toContain('UBND Phường Phúc Xá');
    expect(withTo[0]!.body).toContain('UBND Quận Ba Đình');
    const fallback = plan(event('escalated', { data: { to: null } }), defaultPreferences, 'district-001');
    expect(fallback.map((p) => p.audience)).toEqual(['citizen', 'department', 'parent']);
    expect(plan(event('escalated', { data: {} })).map((p) => p.audience)).toEqual(['citizen', 'department']);
  });

  it('transferred: the receiving department hears where it came from and why', () => {
    const plans = plan(event('transferred', { ticket: { ...event('x').ticket, departmentId: 'city-transport' }, data: { from: 'ward-00001', to: 'city-transport', reason: 'Tuyến đường do Sở quản lý' } }));
    const dept = plans.find((p) => p.audience === 'department')!;
    expect(dept.owner).toEqual({ kind: 'department', departmentId: 'city-transport' });
    expect(dept.body).toBe('UBND Phường Phúc Xá chuyển phản ánh #K3X9ZQ đến Sở Giao thông Vận tải. “Tuyến đường do Sở quản lý.” Hạn trả lời: 17:00 12/03/2026.');
  });

  it('reopened: at the same unit, or (second time not satisfied) at the unit above, saying from where', () => {
    const same = plan(event('reopened', { actor: { id: 'alice', role: 'citizen' }, data: { departmentId: 'ward-00001', reopenCount: 1 } }));
    expect(same.map((p) => [p.audience, p.owner])).toEqual([['citizen', { kind: 'user', userId: 'alice' }], ['department', { kind: 'department', departmentId: 'ward-00001' }]]);
    expect(same[1]!.title).toBe('Phản ánh #K3X9ZQ bị mở lại');
    const up = plan(event('reopened', { ticket: { ...event('x').ticket, departmentId: 'district-001' }, data: { departmentId: 'district-001', from: 'ward-00001', passedUpTo: 'district-001', reopenCount: 2 } }));
    expect(up[1]!.owner).toEqual({ kind: 'department', departmentId: 'district-001' });
    expect(up[1]!.body).toBe('Người dân lần thứ hai chưa hài lòng với trả lời của UBND Phường Phúc Xá; phản ánh #K3X9ZQ được chuyển lên UBND Quận Ba Đình xử lý. Hạn trả lời: 17:00 12/03/2026.');
    expect(up[0]!.body).toContain('để UBND Quận Ba Đình xử lý tiếp');
  });

  it('speaks English to a citizen who chose it, showing local times with their offset', () => {
    const [citizen] = plan(event('created'), { ...allOn, language: 'en' });
    expect(citizen!.language).toBe('en');
    expect(citizen!.title).toBe('Feedback #K3X9ZQ received');
    expect(citizen!.body).toBe("Your feedback #K3X9ZQ was received and sent to People's Committee of Phuc Xa ward. An answer is due by 17:00 12/03/2026 (UTC+7).");
    expect(citizen!.messages.find((m) => m.channel === 'sms')).toMatchObject({ text: 'Your feedback #K3X9ZQ was received. An answer is due by 17:00 12/03 (UTC+7).' });
  });

  it('shows an unknown department by its id rather than failing', () => {
    const [citizen] = plan(event('created', { ticket: { ...event('x').ticket, departmentId: 'ghost' } }));
    expect(citizen!.body).toContain('chuyển đến ghost.');
  });

  it('labels severities and rejection reasons in the reader’s language', () => {
    expect(render(event('severity_changed', { data: { from: 'normal', to: 'urgent', dueAt: '2026-03-10T09:00:00Z' } }), 'citizen', 'vi', { departmentNames: names })!.body).toBe(
      'Mức độ của phản ánh #K3X9ZQ được điều chỉnh thành khẩn cấp. Hạn trả lời: 16:00 10/03/2026.',
    );
    expect(render(event('rejected', { data: { reasonCode: 'out_of_scope', message: 'Việc này thuộc thẩm quyền của tòa án.' } }), 'citizen', 'en', { departmentNames: names })!.body).toBe(
      "People's Committee of Phuc Xa ward did not accept your feedback #K3X9ZQ. Reason: it is outside what this service handles. “Việc này thuộc thẩm quyền của tòa án.”",
    );
  });
});

describe('texts', () => {
  it('formats instants in UTC+7', () => {
    expect(formatLocal('2026-03-12T10:00:00.000Z')).toBe('17:00 12/03/2026');
    expect(formatLocal('2026-12-31T17:30:00Z')).toBe('00:30 01/01/2027');
    expect(formatLocalShort('2026-12-31T17:30:00Z')).toBe('00:30 01/01');
    expect(toLocalIso('2026-12-31T17:30:00.123Z')).toBe('2027-01-01T00:30:00+07:00');
  });

  it('shortens quoted messages at a word boundary', () => {
    const long = 'Đường ngập sâu '.repeat(40);
    const cut = excerpt(long);
    expect([...cut].length).toBeLessThanOrEqual(280);
    expect(cut.endsWith('…')).toBe(true);
    expect(excerpt('  a\n\n b  ')).toBe('a b');
  });

  it('writes every SMS in one segment, in both languages, with the longest values', () => {
    // Every variable part of an SMS has a fixed width: the reference (three-letter prefix, day, four digits) and the short time.
    const worst: TemplateParams = { ref: 'WWW-261231-9999', dept: 'x'.repeat(200), from: 'x'.repeat(200), to: 'x'.repeat(200), due: '23:59 31/12/2026', dueShort: '23:59 31/12', ackDue: '23:59 31/12/2026', severity: 'thông thường', reason: 'x'.repeat(100), excerpt: 'x'.repeat(280), original: 'WWW-261231-9999' };
    const report: string[] = [];
    let checked = 0;
    for (const [type, byLanguage] of Object.entries(citizenTemplates)) {
      for (const language of languages) {
        const sms = byLanguage![language](worst).sms;
        if (!sms) continue;
        checked++;
        const count = countSms(sms);
        report.push(`${type}/${language}: ${count.encoding} ${count.units}/${count.perSegment}`);
        expect(count.segments, `${type}/${language}: "${sms}" is ${count.units} ${count.encoding} units`).toBeLessThanOrEqual(SMS_MAX_SEGMENTS);
        expect(count.encoding).toBe(language === 'vi' ? 'UCS-2' : 'GSM-7');
      }
    }
    expect(checked).toBe(8);
    // Only the milestones the matrix allows SMS for have SMS texts.
    const smsTypes = Object.entries(notificationMatrix).filter(([, r]) => r.citizen?.sms).map(([t]) => t).sort();
    expect(Object.entries(citizenTemplates).filter(([, t]) => t!.vi(worst).sms).map(([t]) => t).sort()).toEqual(smsTypes);
    expect(report.length).toBe(8);
  });

  it('normalises texts to NFC so a decomposed template cannot inflate an SMS', () => {
    const text = render(event('created'), 'citizen', 'vi', { departmentNames: names })!;
    expect(text.sms).toBe(text.sms!.normalize('NFC'));
    expect(text.title).toBe(text.title.normalize('NFC'));
  });
});
