/**
 * The OpenAPI 3.1 document, built from the route table and each handler's zod contract, so
 * the document cannot say something the code does not do.
 */
import * as z from 'zod';
import { problemKinds } from './problem.js';
import type { Contract } from './route-handler.js';
import type { Route } from './routes.js';

type JsonSchema = Record<string, any>;

export function buildOpenApi(entries: Array<{ route: Route; contract: Contract }>): JsonSchema {
  const components: Record<string, JsonSchema> = {};

  /** zod → JSON Schema, with named schemas hoisted into components. */
  const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const { $schema: _s, $defs, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[name] = retarget(def);
    const id = z.globalRegistry.get(schema)?.id;
    if (id && typeof id === 'string') {
      const { id: _id, ...rest } = json;
      components[id] = retarget(rest);
      return { $ref: `#/components/schemas/${id}` };
    }
    return retarget(json);
  };

  const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
    if (!schema) return [];
    const json = schemaOf(schema, 'input');
    const required = new Set<string>(json.required ?? []);
    return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, s]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(s.description ? { description: s.description } : {}),
      schema: s,
    }));
  };

  const problemRef = { $ref: '#/components/schemas/Problem' };
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { route, contract } of entries) {
    const isPublic = route.auth === 'public';
    const responses: Record<string, JsonSchema> = {};
    for (const [status, spec] of Object.entries(contract.responses)) {
      const contentType = spec.contentType ?? (Number(status) >= 400 ? 'application/problem+json' : 'application/json');
      responses[status] = { description: spec.description, ...(spec.schema ? { content: { [contentType]: { schema: schemaOf(spec.schema, 'output') } } } : {}) };
    }
    const standard: Array<[number, boolean]> = [
      [400, Boolean(contract.body || contract.query || contract.params || contract.headers)],
      [401, !isPublic],
      [403, !isPublic],
      [404, Boolean(contract.params)],
      [500, true],
    ];
    for (const [status, applies] of standard) {
      const kind = Object.values(problemKinds).find((k) => k.status === status)!;
      if (applies && !responses[status]) responses[status] = { description: kind.title, content: { 'application/problem+json': { schema: problemRef } } };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      tags: route.tags,
      security: isPublic ? [] : [{ bearer: [] }],
      ...(isPublic ? {} : { 'x-roles': route.auth }),
      parameters: [...parameters(contract.params, 'path'), ...parameters(contract.query, 'query'), ...parameters(contract.headers, 'header')],
      ...(contract.body ? { requestBody: { required: true, content: { [contract.bodyContentType ?? 'application/json']: { schema: schemaOf(contract.body, 'input') } } } } : {}),
      responses,
    };
  }
  components.Problem ??= retarget(problemSchemaFallback());

  return {
    openapi: '3.1.0',
    info: {
      title: 'civic-feedback',
      version: '1',
      description: 'Citizen feedback and requests, routed to the unit responsible, answered, rated and measured. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

function retarget(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

function problemSchemaFallback(): JsonSchema {
  return { type: 'object', required: ['type', 'title', 'status', 'detail'], properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } };
}
