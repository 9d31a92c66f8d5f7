/**
 * Routing: (category, ward) → the department responsible. The most specific rule wins: ward
 * over district over province, and within one level a named category over `*`. No match goes
 * to the triage desk. Pure: the rule index is built once per rule-set version and each
 * decision is a handful of Map lookups.
 */
import type { Area } from './area.js';
import { ANY_CATEGORY } from './category.js';

export const TRIAGE_DEPARTMENT_ID = 'triage';

export interface RoutingRule {
  id: string;
  category: string;
  areaCode: string;
  departmentId: string;
}

export interface RoutingDecision {
  departmentId: string;
  ruleId: string | null;
}

export type RuleIndex = ReadonlyMap<string, RoutingRule>;

const slot = (category: string, areaCode: string) => `${category}|${areaCode}`;

export function buildRuleIndex(rules: Iterable<RoutingRule>): RuleIndex {
  const index = new Map<string, RoutingRule>();
  for (const rule of rules) index.set(slot(rule.category, rule.areaCode), rule);
  return index;
}

/** The area codes a rule may name for a ward, most specific first. */
export function codesFromWard(ward: Pick<Area, 'code' | 'districtCode' | 'provinceCode'>): string[] {
  return ward.districtCode ? [ward.code, ward.districtCode, ward.provinceCode] : [ward.code, ward.provinceCode];
}

export function decideRoute(index: RuleIndex, category: string, areaCodes: readonly string[]): RoutingDecision {
  for (const code of areaCodes) {
    const rule = index.get(slot(category, code)) ?? index.get(slot(ANY_CATEGORY, code));
    if (rule) return { departmentId: rule.departmentId, ruleId: rule.id };
  }
  return { departmentId: TRIAGE_DEPARTMENT_ID, ruleId: null };
}

/** Two rules for the same (category, area) would make routing ambiguous: this is the slot they compete for. */
export const ruleSlot = (rule: Pick<RoutingRule, 'category' | 'areaCode'>) => slot(rule.category, rule.areaCode);
