/** Deadlines and states in plain words: "trước 15:30 thứ Năm, 10/12" / "by 15:30 on Thursday 10 Dec". */
import { TIME_ZONE, lang } from '../../shared/i18n/index';

export function byWhen(iso: string): string {
  const d = new Date(iso);
  const locale = lang.value === 'vi' ? 'vi-VN' : 'en-GB';
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const weekday = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long' }).format(d);
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: lang.value === 'vi' ? 'numeric' : 'short' }).format(d);
  return lang.value === 'vi' ? `${time} ${weekday.replace(/^Thứ/, 'thứ')}, ${day}` : `${time} on ${weekday} ${day}`;
}
