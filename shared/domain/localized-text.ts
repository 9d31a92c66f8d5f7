export const languages = ['vi', 'en'] as const;
/** The platform's two languages: Vietnamese, the administration's, and English. */
export type Language = (typeof languages)[number];

/** Text shown to people in both of the platform's languages (names, templates, notices, guidance). */
export type LocalizedText = Record<Language, string>;
