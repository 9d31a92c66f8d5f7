import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { managerScope } from '../../../shared/domain/principal.js';
import { parseScope, scopeCovers, scopeKey, type Scope } from '../../../shared/domain/scope.js';

const ticket = { departmentId: 'ward-00004', location: { wardCode: '00004', districtCode: '001' } };

describe('scopes', () => {
  it('reads each form the API and the counters use', () => {
    expect(parseScope('city')).toEqual({ kind: 'city' });
    expect(parseScope('district-001')).toEqual({ kind: 'district', code: '001' });
    expect(parseScope('ward-00004')).toEqual({ kind: 'ward', code: '00004' });
    // department ids carry dashes of their own
    expect(parseScope('department-district-001')).toEqual({ kind: 'department', id: 'district-001' });
  });

  it('names nothing for other strings', () => {
    for (const key of ['', 'City', 'district-', '-001', 'district', 'province-01', 'unit-x']) expect(parseScope(key)).toBeUndefined();
  });

  it('writes back the string it read', () => {
    const code = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const scope: fc.Arbitrary<Scope> = fc.oneof(
      fc.constant({ kind: 'city' } as const),
      code.map((c) => ({ kind: 'district', code: c }) as const),
      code.map((c) => ({ kind: 'ward', code: c }) as const),
      code.map((id) => ({ kind: 'department', id }) as const),
    );
    fc.assert(
      fc.property(scope, (s) => {
        expect(parseScope(scopeKey(s))).toEqual(s);
      }),
    );
  });

  it('covers a ticket by its unit, its ward or its district', () => {
    for (const key of ['city', 'district-001', 'ward-00004', 'department-ward-00004']) expect(scopeCovers(parseScope(key)!, ticket), key).toBe(true);
    for (const key of ['district-002', 'ward-00007', 'department-ward-00007']) expect(scopeCovers(parseScope(key)!, ticket), key).toBe(false);
    expect(scopeCovers({ kind: 'district', code: '001' }, { ...ticket, location: { wardCode: '00004' } })).toBe(false);
  });

  it("takes from a manager's claim only the city or a district", () => {
    expect(managerScope({ role: 'manager', scope: 'city' })).toEqual({ kind: 'city' });
    expect(managerScope({ role: 'manager', scope: 'district-001' })).toEqual({ kind: 'district', code: '001' });
    for (const scope of ['ward-00004', 'department-ward-00004', 'everything', undefined]) expect(managerScope({ role: 'manager', ...(scope ? { scope } : {}) })).toBeUndefined();
    expect(managerScope({ role: 'staff', scope: 'city' })).toBeUndefined();
  });
});
