/**
 * The OpenAPI 3.1 document, built from the route table and each handler's zod contract, so
 * the document cannot say something the code does not do.
 */
import * as z from 'zod';
import { Problem } from '../schemas/common.js';
import { problemKinds } from './problem.js';
import type { Contract } from './route-handler.js';
import type { Route } from './routes.js';

type JsonSchema = Record<string, any>;
type Io = 'input' | 'output';

/** What each tag groups; a tag not listed still gets a plain description so readers can show it. */
const tagDescriptions: Record<string, string> = {
  system: 'Liveness and this document',
  reference: 'Categories, administrative areas, departments and the holiday calendar',
  routing: 'Rules that send a ticket to the department responsible',
  tickets: "Citizens' feedback: submit, read, follow up, rate",
  workflow: "Staff work on a department's tickets",
  metrics: 'Counters and rates for managers',
  public: 'Open data anyone may read without a token',
  notifications: 'In-app inboxes and notification preferences',
  identity: 'Who the caller is, as the API reads the token',
  uploads: 'Photos and evidence: presigned POST grants, processed and private by default',
  privacy: 'Personal data: the privacy notice, export, erasure and who read a ticket (docs/privacy.md)',
};

/**
 * zod names a schema's own definition in `$defs` and makes the root a `$ref` to it; the same
 * id can also come out differently as input and as output (defaults make a field optional
 * in, required out). So refs are first written with a placeholder naming the direction, and
 * only when every schema is known does each definition get its component name: the id, or
 * `<id>Request` for an input shape that differs from the output one of the same id.
 */
const placeholder = (io: Io, name: string) => `#/$${io}/${name}`;

export function buildOpenApi(entries: Array<{ route: Route; contract: Contract }>): JsonSchema {
  const defs: Record<Io, Map<string, string>> = { input: new Map(), output: new Map() };

  const schemaOf = (schema: z.ZodType, io: Io): JsonSchema => {
    const { $schema: _s, $defs, ...root } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', override: keepDefault }) as JsonSchema;
    const local = (s: JsonSchema) => JSON.stringify(s).replaceAll('"#/$defs/', `"#/$${io}/`);
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const text = local(def);
      const known = defs[io].get(name);
      if (known !== undefined && known !== text) throw new Error(`Two different schemas share the OpenAPI id ${name} (${io})`);
      defs[io].set(name, text);
    }
    return JSON.parse(local(root));
  };

  const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') => {
    if (!schema) return [];
    const json = resolveLocal(schemaOf(schema, 'input'), defs.input);
    const required = new Set<string>(json.required ?? []);
    return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, s]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(s.description ? { description: s.description } : {}),
      schema: s,
    }));
  };

  const problemRef = schemaOf(Problem, 'output');
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
      description: operationDescription(route),
      tags: route.tags,
      security: isPublic ? [] : [{ bearer: [] }],
      ...(isPublic ? {} : { 'x-roles': route.auth }),
      parameters: [...parameters(contract.params, 'path'), ...parameters(contract.query, 'query'), ...parameters(contract.headers, 'header')],
      ...(contract.body ? { requestBody: { required: true, content: { [contract.bodyContentType ?? 'application/json']: { schema: schemaOf(contract.body, 'input') } } } } : {}),
      responses,
    };
  }

  const names = componentNames(defs);
  const finalRefs = (text: string) =>
    text.replace(/"#\/\$(input|output)\/([^"]+)"/g, (_m, io: Io, name: string) => JSON.stringify(`#/components/schemas/${names[io].get(name)}`));
  const schemas: Record<string, JsonSchema> = {};
  for (const io of ['output', 'input'] as const) {
    for (const [name, text] of defs[io]) schemas[names[io].get(name)!] ??= JSON.parse(finalRefs(text));
  }
  const tags = [...new Set(entries.flatMap(({ route }) => route.tags))];

  return JSON.parse(
    finalRefs(
      JSON.stringify({
        openapi: '3.1.0',
        info: {
          title: 'civic-feedback',
          version: '1',
          description: 'Citizen feedback and requests, routed to the unit responsible, answered, rated and measured. Errors are RFC 9457 problem+json.',
          contact: { name: 'civic-feedback maintainers' },
        },
        servers: [{ url: '/' }],
        tags: tags.map((name) => ({ name, description: tagDescriptions[name] ?? `Operations on ${name}` })),
        paths,
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
          schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
        },
      }),
    ),
  );
}

/**
 * Output shapes keep their id; an input shape shares it when it is the same shape all the way
 * down (its text and every shape it refers to), else it is `<id>Request`.
 */
function componentNames(defs: Record<Io, Map<string, string>>): Record<Io, Map<string, string>> {
  const refsOf = (text: string) => [...text.matchAll(/"#\/\$input\/([^"]+)"/g)].map((m) => m[1]!);
  const differs = new Set([...defs.input].filter(([name, text]) => defs.output.get(name) !== text.replaceAll('"#/$input/', '"#/$output/')).map(([name]) => name));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, text] of defs.input) {
      if (!differs.has(name) && refsOf(text).some((ref) => differs.has(ref))) grew = Boolean(differs.add(name));
    }
  }
  const taken = new Set([...defs.output.keys(), ...defs.input.keys()]);
  const input = new Map<string, string>();
  for (const name of defs.input.keys()) {
    if (!defs.output.has(name) || !differs.has(name)) {
      input.set(name, name);
      continue;
    }
    const renamed = `${name}Request`;
    if (taken.has(renamed)) throw new Error(`OpenAPI component ${renamed} would be both an id and the input shape of ${name}`);
    taken.add(renamed);
    input.set(name, renamed);
  }
  return { input, output: new Map([...defs.output.keys()].map((name) => [name, name])) };
}

/** Parameters are listed field by field, so a named parameters object is read through its ref. */
function resolveLocal(json: JsonSchema, defs: Map<string, string>): JsonSchema {
  const match = typeof json.$ref === 'string' ? /^#\/\$input\/(.+)$/.exec(json.$ref) : null;
  return match && defs.has(match[1]!) ? JSON.parse(defs.get(match[1]!)!) : json;
}

/** zod drops a default from the input side of a transform (`intParam`); a reader still needs it. */
function keepDefault(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const def = (ctx.zodSchema as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
  if (def.type === 'default' && ctx.jsonSchema.default === undefined && ['number', 'string', 'boolean'].includes(typeof def.defaultValue)) ctx.jsonSchema.default = def.defaultValue;
}

function operationDescription(route: Route): string {
  const who = route.auth === 'public' ? 'Public: no token needed.' : `Needs a bearer token with one of the roles: ${route.auth.join(', ')}.`;
  return `${route.summary}. ${who}`;
}
