/**
 * The short human reference of a ticket, read aloud on the phone: `HN-261202-0042` is the
 * province's prefix, the local date it was received (YYMMDD, Asia/Ho_Chi_Minh) and that day's
 * sequence number in the province (4 digits; a 10,000th ticket in a day gets a 5th).
 * The table hands out each sequence number once (a counter per prefix and day) and a REF item
 * written in the ticket's own transaction makes a reference unique even if a counter were lost.
 */
import { localDate } from './working-hours.js';

/**
 * Prefixes by the province's name (the GSO code of a province changed with the 2025 merger;
 * its name did not), after the plates and abbreviations people already use. At most three
 * letters, so an SMS with a reference stays one segment.
 */
const prefixByName: Readonly<Record<string, string>> = {
  'ha-noi': 'HN', 'ho-chi-minh': 'HCM', 'hai-phong': 'HP', 'da-nang': 'DN', 'can-tho': 'CT', hue: 'HUE', 'thua-thien-hue': 'HUE',
  'ha-giang': 'HG', 'cao-bang': 'CB', 'bac-kan': 'BK', 'tuyen-quang': 'TQ', 'lao-cai': 'LCA', 'dien-bien': 'DB', 'lai-chau': 'LCH',
  'son-la': 'SL', 'yen-bai': 'YB', 'hoa-binh': 'HB', 'thai-nguyen': 'TN', 'lang-son': 'LS', 'quang-ninh': 'QNI', 'bac-giang': 'BG',
  'phu-tho': 'PT', 'vinh-phuc': 'VP', 'bac-ninh': 'BN', 'hai-duong': 'HD', 'hung-yen': 'HY', 'thai-binh': 'TB', 'ha-nam': 'HNA',
  'nam-dinh': 'ND', 'ninh-binh': 'NB', 'thanh-hoa': 'TH', 'nghe-an': 'NA', 'ha-tinh': 'HT', 'quang-binh': 'QB', 'quang-tri': 'QT',
  'quang-nam': 'QNA', 'quang-ngai': 'QNG', 'binh-dinh': 'BD', 'phu-yen': 'PY', 'khanh-hoa': 'KH', 'ninh-thuan': 'NT',
  'binh-thuan': 'BTH', 'kon-tum': 'KT', 'gia-lai': 'GL', 'dak-lak': 'DL', 'dak-nong': 'DNO', 'lam-dong': 'LD', 'binh-phuoc': 'BP',
  'tay-ninh': 'TNI', 'binh-duong': 'BDU', 'dong-nai': 'DNA', 'ba-ria-vung-tau': 'VT', 'long-an': 'LA', 'tien-giang': 'TG',
  'ben-tre': 'BTR', 'tra-vinh': 'TV', 'vinh-long': 'VL', 'dong-thap': 'DT', 'an-giang': 'AG', 'kien-giang': 'KG', 'hau-giang': 'HGI',
  'soc-trang': 'ST', 'bac-lieu': 'BL', 'ca-mau': 'CM',
};

export const knownRefPrefixes = prefixByName;

export function slugOfName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^(thanh pho|tinh|tp\.?)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A province missing from the table gets `P` and its GSO code: still short, still unique. */
export function refPrefix(province: { code: string; name?: string }): string {
  return (province.name ? prefixByName[slugOfName(province.name)] : undefined) ?? `P${province.code}`;
}

/** `YYMMDD` of the local day an instant falls on. */
export function refDay(at: Date): string {
  return localDate(at).slice(2).replaceAll('-', '');
}

export function formatRef(prefix: string, day: string, sequence: number): string {
  return `${prefix}-${day}-${String(sequence).padStart(4, '0')}`;
}

export const REF_PATTERN = /^[A-Z][A-Z0-9]{1,3}-\d{6}-\d{4,6}$/;

/** What a person types or reads back (any case, spaces around): the reference, or undefined if it is not one. */
export function parseRef(input: string): string | undefined {
  const ref = input.trim().toUpperCase();
  return REF_PATTERN.test(ref) ? ref : undefined;
}
