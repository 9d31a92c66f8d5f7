import { describe, expect, it } from 'vitest';
import { buildRuleIndex, codesFromWard, decideRoute, type RoutingRule } from '../../../shared/domain/routing.js';

const rule = (id: string, category: string, areaCode: string, departmentId = id): RoutingRule => ({ id, category, areaCode, departmentId });
const ward = { code: '00001', districtCode: '001', provinceCode: '01' };

describe('decideRoute', () => {
  const index = buildRuleIndex([
    rule('province-roads', 'roads_traffic', '01'),
    rule('province-any', '*', '01'),
    rule('district-roads', 'roads_traffic', '001'),
    rule('district-any', '*', '002'),
    rule('ward-order', 'urban_order', '00001'),
    rule('ward-any', '*', '00004'),
  ]);
  const route = (category: string, w = ward) => decideRoute(index, category, codesFromWard(w));

  it('prefers the ward over the district over the province', () => {
    expect(route('urban_order')).toEqual({ departmentId: 'ward-order', ruleId: 'ward-order' });
    expect(route('roads_traffic')).toEqual({ departmentId: 'district-roads', ruleId: 'district-roads' });
    expect(route('roads_traffic', { code: '00040', districtCode: '003', provinceCode: '01' }).ruleId).toBe('province-roads');
  });

  it('prefers a named category over * within one level, but a closer level over both', () => {
    expect(route('health', { code: '00040', districtCode: '003', provinceCode: '01' }).ruleId).toBe('province-any');
    expect(route('roads_traffic', { code: '00004', districtCode: '001', provinceCode: '01' }).ruleId).toBe('ward-any');
    expect(route('roads_traffic', { code: '00100', districtCode: '002', provinceCode: '01' }).ruleId).toBe('district-any');
  });

  it('sends what no rule matches to the triage desk', () => {
    expect(decideRoute(buildRuleIndex([]), 'other', codesFromWard(ward))).toEqual({ departmentId: 'triage', ruleId: null });
    expect(route('other', { code: '27000', districtCode: '700', provinceCode: '79' })).toEqual({ departmentId: 'triage', ruleId: null });
  });

  it('routes a commune of a two-level catalog (no district) by ward then province', () => {
    expect(codesFromWard({ code: '00001', provinceCode: '01' })).toEqual(['00001', '01']);
    expect(route('roads_traffic', { code: '00001', provinceCode: '01' } as typeof ward).ruleId).toBe('province-roads');
  });
});
