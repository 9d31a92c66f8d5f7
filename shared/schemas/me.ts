import * as z from 'zod';
import { departmentKinds } from '../domain/department.js';
import { roles } from '../domain/principal.js';
import { LocalizedText } from './common.js';

/** Nothing to ask: the token says it all (an unknown parameter is a 400, not silently ignored). */
export const MeQuery = z.strictObject({});

export const Me = z
  .object({
    userId: z.string(),
    role: z.enum(roles),
    name: z.string().optional().describe('The display name in the token, when it has one'),
    departmentId: z.string().optional().describe('staff: the department they work for'),
    department: z
      .object({ id: z.string(), name: LocalizedText, kind: z.enum(departmentKinds), active: z.boolean() })
      .optional()
      .describe('staff: their department, when it exists'),
    scope: z.string().optional().describe('manager: city or district-<code>'),
    scopeArea: z
      .object({ code: z.string(), name: z.string(), nameWithType: z.string(), level: z.string() })
      .optional()
      .describe("district managers: their district's names"),
  })
  .meta({ id: 'Me' });
