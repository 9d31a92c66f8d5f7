import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearbyEntry, SUMMARY_LENGTH, summarize } from '../../../shared/domain/nearby.js';
import type { Ticket } from '../../../shared/domain/ticket.js';

const clusters = (s: string) => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)).length;

describe('summarize', () => {
  it('keeps a short text as it is, with its white space folded', () => {
    expect(summarize('  Đèn đường\n\nhỏng   trước số 12 ')).toBe('Đèn đường hỏng trước số 12');
  });

  it('cuts a long text before the word the limit falls in, ending in …', () => {
    const a = (n: number) => 'a'.repeat(n);
    // characters 156–159 are "thải": the cut would split it, so it goes
    expect(summarize(`${a(150)} Nước thải tràn`)).toBe(`${a(150)} Nước…`);
    // a word ending right at the cut is kept whole
    expect(summarize(`${a(154)} thải tràn`)).toBe(`${a(154)} thải…`);
    const line = 'Nước thải tràn ra đường '; // 24 characters: the cut falls on the space after "tràn"
    expect(summarize(line.repeat(7))).toBe(`${line.repeat(6)}Nước thải tràn…`);
    // one word longer than the limit is cut inside it
    expect(summarize(a(200))).toBe(`${a(159)}…`);
  });

  it('never splits a user-perceived character and never exceeds the limit (any text)', () => {
    const decomposed = 'Đường ngập sâu'.normalize('NFD');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(decomposed, '👨‍👩‍👧', ' ', 'x', 'ổ', '\n'), { maxLength: 400 }), (parts) => {
        const text = parts.join('');
        const out = summarize(text);
        expect(clusters(out)).toBeLessThanOrEqual(SUMMARY_LENGTH);
        const kept = out.endsWith('…') ? out.slice(0, -1) : out;
        expect(text.replace(/\s+/gu, ' ').trim().startsWith(kept)).toBe(true);
        // a family emoji is kept whole or not at all
        expect(kept.replaceAll('👨‍👩‍👧', '')).not.toMatch(/\u200d|👨|👩|👧/u);
      }),
      { numRuns: 500 },
    );
  });
});

const ticket = (over: Partial<Ticket> = {}): Ticket =>
  ({
    id: 'T1',
    ref: 'HN-261204-0001',
    category: 'lighting',
    status: 'assigned',
    createdAt: '2026-12-04T01:00:00.000Z',
    title: 'Đèn đường hỏng',
    description: 'Đèn đường hỏng trước số 12 '.repeat(20),
    visibility: 'public',
    citizenId: 'owner-1',
    citizenName: 'Nguyễn Văn Chủ',
    attachments: [{ id: 'P1', width: 1200, height: 800, format: 'jpeg' }],
    location: { wardCode: '00001', lat: 21.04, lng: 105.84, address: '12 Phố Riêng Tư' },
    ...over,
  }) as Ticket;

describe('nearbyEntry', () => {
  it("holds a public ticket's place, title, summary and photo shapes, and nothing personal", () => {
    expect(nearbyEntry(ticket())).toEqual({
      id: 'T1',
      ref: 'HN-261204-0001',
      category: 'lighting',
      status: 'assigned',
      createdAt: '2026-12-04T01:00:00.000Z',
      lat: 21.04,
      lng: 105.84,
      title: 'Đèn đường hỏng',
      summary: summarize(ticket().description),
      photos: [{ id: 'P1', width: 1200, height: 800, format: 'jpeg' }],
    });
  });

  it('holds no words and no photos of a private ticket', () => {
    expect(nearbyEntry(ticket({ visibility: 'private' }))).toEqual({ id: 'T1', ref: 'HN-261204-0001', category: 'lighting', status: 'assigned', createdAt: '2026-12-04T01:00:00.000Z', lat: 21.04, lng: 105.84 });
  });

  it('is none once the ticket is processed or has no coordinates', () => {
    expect(nearbyEntry(ticket({ status: 'responded' }))).toBeUndefined();
    expect(nearbyEntry(ticket({ status: 'rejected' }))).toBeUndefined();
    expect(nearbyEntry(ticket({ location: { wardCode: '00001' } }))).toBeUndefined();
    expect(nearbyEntry(ticket({ status: 'in_progress' }))).toMatchObject({ status: 'in_progress' });
  });
});
