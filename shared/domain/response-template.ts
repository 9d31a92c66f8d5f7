/**
 * Prepared texts staff insert into an action's form and edit before sending (FixMyStreet's
 * "response templates", SeeClickFix's "canned responses"): per category (or every one, `*`)
 * and per kind of action, in Vietnamese and English.
 */
import { ANY_CATEGORY } from './category.js';
import { ValidationError, type FieldError } from './errors.js';
import { languages, type LocalizedText } from './localized-text.js';
import type { RejectReason } from './ticket.js';
import { MIN_RESPONSE_LENGTH } from './workflow.js';

export const templateKinds = ['respond', 'request_info', 'reject'] as const;
export type TemplateKind = (typeof templateKinds)[number];

export interface ResponseTemplate {
  id: string;
  /** A category code, or `*` for every category. */
  category: string;
  kind: TemplateKind;
  /** reject templates may name the reason they are for. */
  reasonCode?: RejectReason;
  title: LocalizedText;
  body: LocalizedText;
  updatedAt: string;
}

export type TemplateInput = Omit<ResponseTemplate, 'id' | 'updatedAt'>;

/**
 * Rules the body's schema cannot see: the category must exist, a reason belongs to a reject
 * template, and an answer template must be long enough to be sent as it is.
 */
export function checkTemplate(input: TemplateInput, categoryExists: boolean): void {
  const errors: FieldError[] = [];
  if (input.category !== ANY_CATEGORY && !categoryExists) errors.push({ path: 'body.category', message: `unknown category "${input.category}"` });
  if (input.reasonCode && input.kind !== 'reject') errors.push({ path: 'body.reasonCode', message: 'only for reject templates' });
  if (input.kind === 'respond') {
    for (const language of languages) {
      if (input.body[language].trim().length < MIN_RESPONSE_LENGTH) errors.push({ path: `body.body.${language}`, message: `an answer has at least ${MIN_RESPONSE_LENGTH} characters` });
    }
  }
  if (errors.length) throw new ValidationError('The template is not valid.', errors);
}
