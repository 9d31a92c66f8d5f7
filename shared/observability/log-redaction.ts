/**
 * Logs keep no personal data (docs/privacy.md): every value Powertools serialises passes
 * through `redact`. Fields that hold a person's contact or place are replaced whole, whatever
 * their value; in any other string, phone numbers and e-mail addresses are masked (a logged
 * request body, an error message quoting input). Bearer tokens carry the claims (name,
 * phone_number) in base64, so authorization headers go too.
 */
export const REDACTED = '[redacted]';

const PERSONAL_KEYS = new Set(
  [
    'citizenName', 'citizenPhone', 'citizenEmail', 'name', 'phone', 'phone_number', 'phoneNumber', 'email', 'address',
    'lat', 'lng', 'long', 'first_name', 'last_name', 'address_string', 'authorization', 'cookie', 'token', 'api_key', 'x-api-key',
    'custom:phone', 'given_name', 'family_name',
    // Raw request bodies and free texts: a citizen may write their name or address anywhere in them.
    'body', 'description', 'comment',
  ].map((k) => k.toLowerCase()),
);

// Vietnamese and international numbers (+84 912 345 678, 0912345678, 84912345678) and e-mail addresses.
const PHONE = /(?<![\w.])(?:\+|00)?\d(?:[ .-]?\d){8,14}(?![\w])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A JWT (three base64url parts) anywhere in a string: its payload is the claims.
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;
// Instants and ULIDs are digits too: only runs that are not part of one are phone numbers.
const NOT_A_PHONE = /^\d{4}-\d{2}-\d{2}|^\d{10,}$/;

export function maskText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(EMAIL, REDACTED)
    .replace(PHONE, (m) => (looksLikePhone(m) ? REDACTED : m));
}

function looksLikePhone(m: string): boolean {
  const digits = m.replace(/\D/g, '');
  if (m.startsWith('+') || m.startsWith('00')) return true;
  // National (0 + 9–10 digits) or with the country code 84; other long digit runs (epoch ms, counters) are kept.
  return (/^0\d{9,10}$/.test(digits) || /^84\d{9,10}$/.test(digits)) && !NOT_A_PHONE.test(m.replace(/[ .-]/g, '-'));
}

/** A `JSON.stringify` replacer (Powertools' `jsonReplacerFn`). */
export function redact(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (key && PERSONAL_KEYS.has(key.toLowerCase())) return REDACTED;
  // `message` is the log line's own text (and an error's), which must stay readable: masked
  // when a string; a stored message (a stream image's `{S: …}`, a ticket event's data) goes whole.
  if (key === 'message' && typeof value === 'object') return REDACTED;
  if (typeof value === 'string') return maskText(value);
  return value;
}
