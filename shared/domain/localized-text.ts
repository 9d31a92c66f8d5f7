/** Text shown to people in both of the platform's languages (names, templates, notices, guidance). */
export type LocalizedText = { vi: string; en: string };
