import * as z from 'zod';
import { severities } from '../domain/category.js';
import { LocalizedText } from './common.js';

export const Severity = z.enum(severities);

export const DeadlinePolicy = z.strictObject({
  acknowledgeHours: z.number().positive().max(2000),
  answerHours: z.strictObject({ urgent: z.number().positive().max(2000), complex: z.number().positive().max(2000), normal: z.number().positive().max(2000) }),
});

export const Category = z
  .object({
    code: z.string(),
    name: LocalizedText,
    defaultSeverity: Severity,
    policy: DeadlinePolicy,
    evidenceRequired: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'Category' });
