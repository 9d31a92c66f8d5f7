/**
 * How many SMS parts a text costs. A text made only of the GSM 03.38 alphabet is sent as
 * GSM-7: 160 septets in one part, 153 per part once concatenated (the rest is the UDH); a
 * character of the extension table (€ [ ] { } ^ ~ | \ and form feed) takes two septets.
 * Anything else (Vietnamese with diacritics: ạ ả ấ ầ ẩ ẫ ậ ... đ) makes the whole message
 * UCS-2: 70 UTF-16 units in one part, 67 per part concatenated. Parts never split an
 * escape pair or a surrogate pair.
 *
 * Texts are NFC-normalised first: a decomposed "ệ" (e + two combining marks) would cost three
 * units instead of one.
 */
export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  encoding: SmsEncoding;
  /** septets (GSM-7) or UTF-16 code units (UCS-2) */
  units: number;
  segments: number;
  /** units per segment at this length: 160/153 or 70/67 */
  perSegment: number;
}

// The GSM 03.38 default alphabet (ESC 0x1B left out: it introduces the extension table).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text.normalize('NFC')) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

export function countSms(raw: string): SmsCount {
  const text = raw.normalize('NFC');
  const encoding = smsEncoding(text);
  // Cost of each character, in the encoding's units.
  const costs = [...text].map((ch) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const { single, part } = SMS_LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments, perSegment: part };
}
