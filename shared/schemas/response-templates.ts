import * as z from 'zod';
import { templateKinds } from '../domain/response-template.js';
import { rejectReasons } from '../domain/ticket.js';
import { Cursor, Limit, LocalizedText } from './common.js';

const TemplateCategory = z.string().regex(/^(\*|[a-z][a-z0-9_]{1,63})$/, 'a category code, or * for every category');
const Text = (max: number) => z.strictObject({ vi: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const TemplateParams = z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-kebab-case id') });

export const TemplatesQuery = z.strictObject({
  category: TemplateCategory.optional().describe("The category's own templates and the * ones"),
  kind: z.enum(templateKinds).optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});

export const ResponseTemplateBody = z
  .strictObject({
    category: TemplateCategory,
    kind: z.enum(templateKinds).describe('The action the text is for'),
    reasonCode: z.enum(rejectReasons).optional().describe('reject templates: the reason they are for'),
    title: Text(150).describe('What the picker shows'),
    body: Text(4000).describe('The text inserted into the form; respond templates at least 20 characters'),
  })
  .meta({ id: 'ResponseTemplateInput' });

export const ResponseTemplate = z
  .object({
    id: z.string(),
    category: z.string(),
    kind: z.enum(templateKinds),
    reasonCode: z.enum(rejectReasons).optional(),
    title: LocalizedText,
    body: LocalizedText,
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ResponseTemplate' });
