/**
 * Typed dictionaries: each app defines its Vietnamese messages and an English set that must have
 * every key (the compiler refuses a missing one). The language is remembered in localStorage;
 * numbers, dates and relative times go through Intl in Vietnam's time zone.
 */
import { computed, effect, signal } from '@preact/signals';
import { languages, type Language, type LocalizedText } from '../../../shared/domain/localized-text.js';

export { languages };
export type Lang = Language;
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const KEY = 'civic-feedback.lang';

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    /* storage may be unavailable (private mode): Vietnamese */
  }
  return 'vi';
}

export const lang = signal<Lang>(initialLang());

export function setLang(next: Lang) {
  lang.value = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* not remembered, still switched */
  }
}

if (typeof document !== 'undefined') effect(() => void (document.documentElement.lang = lang.value));

export type Params = Record<string, string | number>;
export type Messages<K extends string> = Record<K, string>;

/** `t('key', { n: 3 })` replaces `{n}`; reading it inside a component re-renders on a language switch. */
export function defineMessages<const V extends Record<string, string>>(vi: V, en: Messages<keyof V & string>) {
  const dicts: Record<Lang, Messages<keyof V & string>> = { vi, en };
  return function t(key: keyof V & string, params?: Params): string {
    const text = dicts[lang.value][key];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

const locale = computed(() => (lang.value === 'vi' ? 'vi-VN' : 'en-GB'));

export const fmt = {
  number: (n: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale.value, options).format(n),
  percent: (ratio: number, digits = 0) => new Intl.NumberFormat(locale.value, { style: 'percent', maximumFractionDigits: digits }).format(ratio),
  date: (iso: string | Date) => new Intl.DateTimeFormat(locale.value, { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(new Date(iso)),
  dateTime: (iso: string | Date) => new Intl.DateTimeFormat(locale.value, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
  time: (iso: string | Date) => new Intl.DateTimeFormat(locale.value, { timeZone: TIME_ZONE, timeStyle: 'short' }).format(new Date(iso)),
  /** "3 giờ trước", "in 2 days": the largest unit that fits. */
  relative(iso: string | Date, now = Date.now()) {
    const seconds = (new Date(iso).getTime() - now) / 1000;
    const rtf = new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60]];
    for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
    return rtf.format(Math.round(seconds / 60), 'minute');
  },
};

/** The localised form of a `{ vi, en }` name from the API. */
export const localName = (name: LocalizedText | undefined) => (name ? name[lang.value] : '');

/**
 * The plural form of `n` in the current language by Intl.PluralRules, folded onto the two forms
 * our dictionaries carry: Vietnamese has one form ("1 phiếu", "2 phiếu"), English two ("1 ticket").
 * Dictionaries hold `<key>.one` and `<key>.other`.
 */
export function pluralForm(n: number): 'one' | 'other' {
  return new Intl.PluralRules(locale.value).select(n) === 'one' ? 'one' : 'other';
}
