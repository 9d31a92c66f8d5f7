/**
 * Bad input as a new user types it and as a fuzzer sends it: every answer is a 4xx
 * problem+json, never a 500 (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes.js';
import { useTestApi } from '../support/api.js';

const api = useTestApi();

const expectProblem = (res: { status: number; headers: Headers; body: any }, status: number, label: string) => {
  expect(res.status, label).toBe(status);
  expect(res.headers.get('content-type'), label).toBe('application/problem+json');
  expect(res.body.status, label).toBe(status);
};

describe('malformed percent-encoding in a path parameter', () => {
  const malformed = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%uD800', '%ED%A0%80'];

  it('is a 400 problem on every route with a {param}, with or without a token', async () => {
    const admin = await api.token({ sub: 'pe-admin', groups: ['admin'] });
    const withParams = routes.filter((r) => r.path.includes('{'));
    expect(withParams.length).toBeGreaterThan(5);
    for (const route of withParams) {
      for (const bad of malformed) {
        const path = route.path.replace(/\{\w+\}/g, bad);
        for (const token of [undefined, admin]) {
          const res = await api.request(route.method, path, { token });
          expectProblem(res, 400, `${route.method} ${path} ${token ? 'with' : 'without'} a token`);
        }
      }
    }
  });

  it('names the parameter that could not be decoded', async () => {
    const res = await api.request('GET', '/v1/tickets/%ZZ');
    expect(res.body.errors).toEqual([{ path: 'params.id', message: expect.stringContaining('percent-encoding') }]);
  });
});
