import { describe, expect, it } from 'vitest';
import { principalFromClaims } from '../../../../shared/adapters/auth/claims.js';

describe('principalFromClaims', () => {
  it('reads API Gateway’s flattened group list and picks the highest role', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[citizen staff]', 'custom:department_id': 'ward-00001' })).toEqual({
      userId: 'u',
      role: 'staff',
      departmentId: 'ward-00001',
    });
  });

  it('also accepts a real array and comma lists', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': ['manager', 'admin'] })?.role).toBe('admin');
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': 'citizen,manager', 'custom:scope': 'city' })).toMatchObject({ role: 'manager', scope: 'city' });
  });

  it('carries a citizen’s name and phone', () => {
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[citizen]', name: 'An', phone_number: '+84900000001' })).toEqual({
      userId: 'u', role: 'citizen', name: 'An', phone: '+84900000001',
    });
  });

  it('refuses tokens without a subject or a known group', () => {
    expect(principalFromClaims(undefined)).toBeUndefined();
    expect(principalFromClaims({ 'cognito:groups': '[citizen]' })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u', 'cognito:groups': '[superuser]' })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u' })).toBeUndefined();
  });
});
