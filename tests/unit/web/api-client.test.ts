/** The web apps' API types are generated from the committed OpenAPI document, never edited by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../../local/openapi.js';
import { webClientTypes, webClientTypesPath } from '../../../local/web-client.js';

describe('web/shared/api/schema.d.ts', () => {
  it('is what `npm run openapi` generates from docs/openapi.json (run it after changing the API)', async () => {
    const document = JSON.parse(readFileSync(openApiPath, 'utf8'));
    expect(readFileSync(webClientTypesPath, 'utf8')).toBe(await webClientTypes(document));
  });
});
