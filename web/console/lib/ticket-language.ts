/**
 * The language a ticket was written in, so a prepared answer goes back in it whatever the
 * console's own language. Tickets carry no language field: Vietnamese is told by its letters
 * (đ, ă, â, ê, ô, ơ, ư) and tone marks, which English text never has. Vietnamese is the default:
 * a text without any letters (or written without diacritics) is read as the city's language.
 */
export type TicketLanguage = 'vi' | 'en';

// After NFD, tone marks and the circumflex/breve/horn are combining marks; đ does not decompose.
const vietnameseMark = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323đĐ]/;
const latinWord = /\b[a-z]{2,}\b/gi;

export function ticketLanguage(ticket: { title?: string | null; description?: string | null }): TicketLanguage {
  const text = `${ticket.title ?? ''} ${ticket.description ?? ''}`.normalize('NFD');
  if (vietnameseMark.test(text)) return 'vi';
  // English needs a few words of its own; "Xin hoi" typed without marks is still Vietnamese.
  const words = text.match(latinWord) ?? [];
  return words.filter((w) => englishWords.has(w.toLowerCase())).length >= 2 ? 'en' : 'vi';
}

const englishWords = new Set(
  'the a an and or of to in on at for with is are was were be been has have there this that it my our your please near street road light broken not no since from by'.split(' '),
);
