/**
 * Default routing for a province, modelled on how Hanoi forwards feedback: street-level order
 * and sanitation go to the ward, land and construction and administrative procedures to the
 * district, city-wide networks (roads, lighting, water) and sectors to the city departments,
 * security to the police. Anything unmatched (`other`) reaches the triage desk. On a two-level
 * catalog (2025) the district step is simply absent: land and construction fall to the city's
 * department, administrative procedures to triage. Provinces after the first (prefixed units,
 * see departments.ts) get a province-wide `*` rule to their own triage desk, since the
 * router's last resort is the home province's.
 */
import type { Area } from '../domain/area.js';
import { ANY_CATEGORY } from '../domain/category.js';
import { areaUnitId } from '../domain/department.js';
import { TRIAGE_DEPARTMENT_ID, type RoutingRule } from '../domain/routing.js';

const rule = (category: string, areaCode: string, departmentId: string): RoutingRule => ({
  id: `default-${category === ANY_CATEGORY ? 'any' : category}-${areaCode}`,
  category,
  areaCode,
  departmentId,
});

export function seedRoutingRules(areas: readonly Area[], provinceCode: string, prefix = ''): RoutingRule[] {
  const city = (slug: string) => `${prefix}city-${slug}`;
  const rules: RoutingRule[] = [
    rule('roads_traffic', provinceCode, city('transport')),
    rule('lighting_power', provinceCode, city('construction')),
    rule('water_drainage', provinceCode, city('construction')),
    rule('security_order', provinceCode, city('police')),
    rule('health', provinceCode, city('health')),
    rule('education', provinceCode, city('education')),
    rule('social_welfare', provinceCode, city('labour')),
    // Province-wide fallback where no district rule applies (e.g. a two-level catalog).
    rule('construction_land', provinceCode, city('construction')),
    ...(prefix ? [rule(ANY_CATEGORY, provinceCode, `${prefix}${TRIAGE_DEPARTMENT_ID}`)] : []),
  ];
  for (const area of areas) {
    if (area.provinceCode !== provinceCode) continue;
    if (area.level === 'ward') {
      rules.push(rule('urban_order', area.code, areaUnitId('ward', area.code)), rule('environment', area.code, areaUnitId('ward', area.code)));
    } else if (area.level === 'district') {
      rules.push(rule('construction_land', area.code, areaUnitId('district', area.code)), rule('admin_procedures', area.code, areaUnitId('district', area.code)));
    }
  }
  return rules;
}
