import { describe, expect, it } from 'vitest';
import { ticketLanguage } from '../../../../web/console/lib/ticket-language.js';

describe('ticketLanguage', () => {
  it('reads Vietnamese from its letters and tone marks, composed or not', () => {
    expect(ticketLanguage({ description: 'Rác thải tồn đọng ở đầu ngõ 15' })).toBe('vi');
    expect(ticketLanguage({ description: 'Đèn đường hỏng'.normalize('NFD') })).toBe('vi');
    expect(ticketLanguage({ title: 'Đường', description: 'The road is broken near the market' })).toBe('vi');
  });

  it('reads English from English words without Vietnamese letters', () => {
    expect(ticketLanguage({ title: 'Broken street light', description: 'The street light in front of my house has been off since Monday.' })).toBe('en');
  });

  it('takes Vietnamese typed without marks, and text with no words, as Vietnamese', () => {
    expect(ticketLanguage({ description: 'Xin hoi thu tuc cap phep sua nha' })).toBe('vi');
    expect(ticketLanguage({ description: '12345 ... !!!' })).toBe('vi');
    expect(ticketLanguage({})).toBe('vi');
  });
});
