/** The web apps' API types, generated from the OpenAPI document (never hand-written). */
import openapiTS, { astToString } from 'openapi-typescript';

export const webClientTypesPath = new URL('../web/shared/api/schema.d.ts', import.meta.url);

export async function webClientTypes(document: unknown): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return `/** Generated from docs/openapi.json by \`npm run openapi\`: do not edit. */\n${astToString(ast)}`;
}
