/**
 * The web apps (web/) built by Vite into web/dist, rebuilt only when a source is newer than the
 * last build: `npm start` and the test set-up call it, so a fresh clone needs no extra step.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webRoot = fileURLToPath(new URL('../web/', import.meta.url));
export const webDist = join(webRoot, 'dist');
const stampFile = join(webDist, '.built');
const extraInputs = [fileURLToPath(new URL('../package-lock.json', import.meta.url))];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(stampFile)) return true;
  const built = statSync(stampFile).mtimeMs;
  return Math.max(newestSource(webRoot), ...extraInputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0))) > built;
}

/** Builds when stale; returns whether it built. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  log('Building the web apps (web/ → web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(stampFile, new Date().toISOString());
  return true;
}
