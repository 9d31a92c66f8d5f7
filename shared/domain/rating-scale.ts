/**
 * The citizen's verdict on an answer: hài lòng / chấp nhận / chưa hài lòng. A leaf module, so the
 * citizen app can list the choices without bundling the ticket's rules.
 */
export const ratings = ['satisfied', 'acceptable', 'not_satisfied'] as const;
export type Rating = (typeof ratings)[number];
