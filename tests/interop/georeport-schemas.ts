/** ajv with the GeoReport v2 JSON Schemas kept under schemas/georeport-v2 (see its SOURCE.md). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const names = ['request', 'requests', 'service', 'services', 'service-definition'] as const;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
for (const name of names) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(`./schemas/georeport-v2/${name}.json`, import.meta.url), 'utf8')), `${name}.json`);
}

/** The schema's complaints about `value`, empty when it conforms. */
export function schemaErrors(name: (typeof names)[number], value: unknown): string[] {
  const validate = ajv.getSchema(`${name}.json`)!;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
