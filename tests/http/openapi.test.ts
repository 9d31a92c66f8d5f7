import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOpenApi, openApiPath } from '../../local/openapi.js';
import { routes } from '../../shared/http/routes.js';
import { useTestApi } from '../support/api.js';

const api = useTestApi();

describe('OpenAPI document', () => {
  it('is up to date with the route table and the handlers’ schemas (run `npm run openapi`)', async () => {
    const committed = JSON.parse(readFileSync(openApiPath, 'utf8'));
    expect(committed).toEqual(await currentOpenApi());
  });

  it('describes every route, with security exactly on the non-public ones', async () => {
    const doc = await currentOpenApi();
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.security, route.id).toEqual(route.auth === 'public' ? [] : [{ bearer: [] }]);
    }
  });

  it('has real component schemas: none is only a $ref (to itself or another name)', async () => {
    const { components } = await currentOpenApi();
    const bare = Object.entries(components.schemas as Record<string, object>).filter(([, s]) => Object.keys(s).join() === '$ref').map(([name]) => name);
    expect(bare).toEqual([]);
    expect(components.schemas.Ticket.properties.id).toEqual({ type: 'string' });
  });

  it('gives every operation a description and declares every tag it uses', async () => {
    const doc = await currentOpenApi();
    const declared = new Set(doc.tags.map((t: { name: string; description: string }) => (expect(t.description).toBeTruthy(), t.name)));
    for (const route of routes) {
      const op = doc.paths[route.path][route.method.toLowerCase()];
      expect(op.description, route.id).toMatch(/\S{3}/);
      for (const tag of op.tags) expect(declared.has(tag), `${route.id} tag ${tag}`).toBe(true);
    }
  });

  it('is served at GET /openapi.json without a token', async () => {
    const res = await api.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(readFileSync(openApiPath, 'utf8')));
  });
});
