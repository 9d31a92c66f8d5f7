/**
 * What the geo index holds of a ticket for "already reported?": just enough to place it and
 * recognise it, so a search reads small entries however long descriptions grow, and the index
 * never holds a private ticket's words or photos at all. Pure.
 */
import { processedStatuses, type Ticket } from './ticket.js';
import type { Photo } from './upload.js';

/** Visible characters of a description a nearby result shows. */
export const SUMMARY_LENGTH = 160;

export interface NearbyEntry {
  id: string;
  ref?: string;
  category: string;
  status: string;
  createdAt: string;
  lat: number;
  lng: number;
  /** Public tickets only, like the three below. */
  title?: string;
  summary?: string;
  /** The photos' ids and shapes, from which thumbnail URLs are signed at read time (URLs expire). */
  photos?: Photo[];
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/**
 * The text's first `max` user-perceived characters with runs of white space folded, cut at the
 * last word boundary when one falls in the second half, ending in "…" when anything was cut.
 * A decomposed "ổ" or a joined emoji is never split.
 */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const clusters = Array.from(graphemes.segment(flat), (s) => s.segment);
  if (clusters.length <= max) return flat;
  const head = clusters.slice(0, max - 1).join('');
  let cut = head.length;
  // Mid-word (neither side of the cut is a space): drop the broken word, unless it is most of the text.
  if (!/^\s$/u.test(clusters[max - 2]!) && !/^\s$/u.test(clusters[max - 1]!)) {
    let lastStart = 0;
    for (const w of words.segment(head)) if (w.isWordLike) lastStart = w.index;
    if (lastStart > head.length / 2) cut = lastStart;
  }
  return `${head.slice(0, cut).trimEnd()}…`;
}

/** The entry an indexed ticket carries; undefined when it is not a nearby candidate (processed, or no coordinates). */
export function nearbyEntry(ticket: Ticket): NearbyEntry | undefined {
  const { lat, lng } = ticket.location;
  if (processedStatuses.has(ticket.status) || typeof lat !== 'number' || typeof lng !== 'number') return undefined;
  const open = ticket.visibility === 'public';
  return {
    id: ticket.id,
    ...(ticket.ref ? { ref: ticket.ref } : {}),
    category: ticket.category,
    status: ticket.status,
    createdAt: ticket.createdAt,
    lat,
    lng,
    ...(open && ticket.title ? { title: ticket.title } : {}),
    ...(open ? { summary: summarize(ticket.description) } : {}),
    ...(open && ticket.attachments.length ? { photos: ticket.attachments.map(({ id, width, height, format }) => ({ id, width, height, format })) } : {}),
  };
}
