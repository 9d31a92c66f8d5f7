/** `npm run openapi`: regenerates docs/openapi.json (served by GET /openapi.json). */
import { writeFileSync } from 'node:fs';
import { currentOpenApi, openApiPath } from './openapi.js';

writeFileSync(openApiPath, `${JSON.stringify(await currentOpenApi(), null, 2)}\n`);
console.log(`wrote ${openApiPath.pathname}`);
process.exit(0);
