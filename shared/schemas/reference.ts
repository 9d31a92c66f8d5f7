/** Areas, departments, routing rules and category edits: requests and replies. */
import * as z from 'zod';
import { text } from './text.js';
import { areaLevels } from '../domain/area.js';
import { ANY_CATEGORY } from '../domain/category.js';
import { departmentKinds } from '../domain/department.js';
import { DeadlinePolicy, Severity } from './category.js';
import { Cursor, Limit, LocalizedText } from './common.js';

export const AreaCode = z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'a GSO area code (2, 3 or 5 digits)');
export const CategoryCode = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower_snake_case code');
export const DepartmentId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-kebab-case id');
export const RuleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'letters, digits, _ . -');

export const Area = z
  .object({
    code: z.string(),
    name: z.string(),
    nameWithType: z.string(),
    type: z.string(),
    level: z.enum(areaLevels),
    parentCode: z.string(),
    provinceCode: z.string(),
    districtCode: z.string().optional(),
  })
  .meta({ id: 'Area' });

export const AreasQuery = z.strictObject({ parent: AreaCode.optional().describe('Omit to list provinces'), limit: Limit, cursor: Cursor.optional() });
export const AreaParams = z.strictObject({ code: AreaCode });

const departmentFields = {
  name: LocalizedText,
  kind: z.enum(departmentKinds),
  areaCode: AreaCode,
  districtCode: z.string().regex(/^\d{3}$/).optional(),
  parentId: DepartmentId.optional(),
  active: z.boolean(),
};
export const Department = z.object({ id: z.string(), ...departmentFields }).meta({ id: 'Department' });
export const DepartmentBody = z
  .strictObject({ ...departmentFields, name: z.strictObject({ vi: text({ min: 1, max: 200 }), en: text({ min: 1, max: 200 }) }) })
  .omit({ districtCode: true })
  .meta({ id: 'DepartmentInput' });
export const DepartmentParams = z.strictObject({ id: DepartmentId });
export const DepartmentsQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export const CategoryBody = z
  .strictObject({
    name: z.strictObject({ vi: text({ min: 1, max: 200 }), en: text({ min: 1, max: 200 }) }),
    defaultSeverity: Severity,
    policy: DeadlinePolicy,
    evidenceRequired: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'CategoryInput' });
export const CategoryParams = z.strictObject({ code: CategoryCode });

export const RoutingRule = z
  .object({ id: z.string(), category: z.string(), areaCode: z.string(), departmentId: z.string() })
  .meta({ id: 'RoutingRule' });
export const RoutingRuleBody = z
  .strictObject({ category: z.union([CategoryCode, z.literal(ANY_CATEGORY)]), areaCode: AreaCode, departmentId: DepartmentId })
  .meta({ id: 'RoutingRuleInput' });
export const RuleParams = z.strictObject({ id: RuleId });
export const RulesQuery = z.strictObject({ category: z.union([CategoryCode, z.literal(ANY_CATEGORY)]).optional(), areaCode: AreaCode.optional(), limit: Limit, cursor: Cursor.optional() });

export const RoutingPreviewBody = z.strictObject({ category: CategoryCode, wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit ward code') });
export const RoutingDecision = z.object({ departmentId: z.string(), ruleId: z.string().nullable() }).meta({ id: 'RoutingDecision' });
