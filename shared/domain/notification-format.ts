/** How notification texts show times, references and quoted messages: short, local (UTC+7), SMS-sized. */
import { wallClock } from './working-hours.js';

/** `#` and the last 6 characters of the ticket id: short enough for an SMS, unique enough for one citizen. */
export function shortRef(ticketId: string): string {
  return `#${ticketId.slice(-6).toUpperCase()}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `17:00 12/03/2026`, in UTC+7. */
export function formatLocal(iso: string): string {
  const d = wallClock(iso);
  if (!d) return iso;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** `17:00 12/03`, in UTC+7 (SMS). */
export function formatLocalShort(iso: string): string {
  const d = wallClock(iso);
  if (!d) return iso;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;
}


export const EXCERPT_LENGTH = 280;

/** Whitespace collapsed, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim().normalize('NFC');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
