/**
 * Default routing for a province, modelled on how Hanoi forwards feedback: street-level order
 * and sanitation go to the ward, land and construction and administrative procedures to the
 * district, city-wide networks (roads, lighting, water) and sectors to the city departments,
 * security to the police. Anything unmatched (`other`) reaches the triage desk.
 */
import type { Area } from '../domain/area.js';
import type { RoutingRule } from '../domain/routing.js';

const rule = (category: string, areaCode: string, departmentId: string): RoutingRule => ({
  id: `default-${category}-${areaCode}`,
  category,
  areaCode,
  departmentId,
});

export function seedRoutingRules(areas: readonly Area[], provinceCode: string): RoutingRule[] {
  const rules: RoutingRule[] = [
    rule('roads_traffic', provinceCode, 'city-transport'),
    rule('lighting_power', provinceCode, 'city-construction'),
    rule('water_drainage', provinceCode, 'city-construction'),
    rule('security_order', provinceCode, 'city-police'),
    rule('health', provinceCode, 'city-health'),
    rule('education', provinceCode, 'city-education'),
    rule('social_welfare', provinceCode, 'city-labour'),
    // Province-wide fallback where no district rule applies (e.g. a two-level catalog).
    rule('construction_land', provinceCode, 'city-construction'),
  ];
  for (const area of areas) {
    if (area.provinceCode !== provinceCode) continue;
    if (area.level === 'ward') {
      rules.push(rule('urban_order', area.code, `ward-${area.code}`), rule('environment', area.code, `ward-${area.code}`));
    } else if (area.level === 'district') {
      rules.push(rule('construction_land', area.code, `district-${area.code}`), rule('admin_procedures', area.code, `district-${area.code}`));
    }
  }
  return rules;
}
