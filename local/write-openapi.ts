/** `npm run openapi`: regenerates docs/openapi.json (served by GET /openapi.json) and the web apps' API types. */
import { writeFileSync } from 'node:fs';
import { currentOpenApi, openApiPath } from './openapi.js';
import { webClientTypes, webClientTypesPath } from './web-client.js';

const document = await currentOpenApi();
writeFileSync(openApiPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${openApiPath.pathname}`);
writeFileSync(webClientTypesPath, await webClientTypes(document));
console.log(`wrote ${webClientTypesPath.pathname}`);
process.exit(0);
