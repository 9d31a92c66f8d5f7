/**
 * Free text people type (descriptions, titles, messages, names): the one helper every such
 * field uses, so "at least 10 characters" means ten characters a reader can see.
 */
import * as z from 'zod';

// Control (Cc) and format (Cf: zero-width space/joiners, word joiner, BOM, bidi marks, soft
// hyphen) characters, and line/paragraph separators; newline and tab are kept as visible layout.
const INVISIBLE = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// With the u flag a surrogate pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** No NUL and no lone surrogate (which no UTF-8 store can hold): true of every string the API accepts in a body. */
export function isSafeText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * What a reader sees: user-perceived characters (a decomposed "ổ" or a family emoji joined by
 * ZWJ is one), leaving out clusters made only of invisible characters and the blank ones at
 * either end; spaces between words count, as they always did.
 */
export function visibleLength(value: string): number {
  const kinds = Array.from(graphemes.segment(value), ({ segment }) => {
    const shown = segment.replace(INVISIBLE, '');
    return shown === '' ? 'invisible' : /^\s+$/u.test(shown) ? 'blank' : 'visible';
  });
  const first = kinds.indexOf('visible');
  if (first < 0) return 0;
  const last = kinds.lastIndexOf('visible');
  return kinds.slice(first, last + 1).filter((k) => k !== 'invisible').length;
}

/**
 * A trimmed string of `min`–`max` visible characters. The stored value is what was sent
 * (trimmed); invisible characters only do not count. Raw length is capped at 4 × `max` so
 * padding with invisible characters cannot grow an item without bound.
 */
export function text({ min = 0, max }: { min?: number; max: number }) {
  const unit = (n: number) => `${n} visible character${n === 1 ? '' : 's'}`;
  return z
    .string()
    .trim()
    .max(4 * max)
    .superRefine((value, ctx) => {
      if (!isSafeText(value)) {
        ctx.addIssue({ code: 'custom', message: 'must not contain NUL or unpaired surrogate characters' });
        return;
      }
      const length = visibleLength(value);
      if (length < min) ctx.addIssue({ code: 'custom', message: `at least ${unit(min)}` });
      if (length > max) ctx.addIssue({ code: 'custom', message: `at most ${unit(max)}` });
    })
    .meta({ minLength: min, maxLength: max });
}
