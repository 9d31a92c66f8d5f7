/** Where the repository is, from infra/'s point of view (works under tsx, vitest and the CDK CLI). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
