/**
 * Web: the JavaScript a browser must fetch before each app can start (the entry script and the
 * chunks its HTML preloads), gzip-compressed as CloudFront serves it. Screens and libraries
 * loaded on demand (the dashboard, uPlot, admin screens, Cognito's client) are listed apart:
 * they are not paid on first load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, webDist } from '../../local/web-build.js';
import type { Row, Suite } from '../lib/types.js';

const KB = 1024;
const goals = { console: 150 * KB, citizen: 60 * KB };

const gz = (file: string) => gzipSync(readFileSync(join(webDist, file)), { level: 9 }).length;

/** The scripts an HTML page loads up front: its module entry and its modulepreload links. */
function initialScripts(html: string): string[] {
  const srcs = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(srcs)];
}

const suite: Suite = {
  order: 5,
  description: 'Initial JS (gzip) of the console and the citizen app; lazy chunks apart',
  async run(ctx) {
    await ensureWebBuild(ctx.log);
    const rows: Row[] = [];
    const details: Record<string, unknown> = {};
    for (const [app, htmlPath] of [['console', 'console/index.html'], ['citizen', 'index.html']] as const) {
      const scripts = initialScripts(readFileSync(join(webDist, htmlPath), 'utf8'));
      const bytes = scripts.reduce((sum, s) => sum + gz(s.replace(/^\//, '')), 0);
      details[app] = { scripts };
      rows.push({ suite: 'web', metric: `${app} initial JS (gzip)`, value: Math.round((bytes / KB) * 10) / 10, unit: 'kB', goal: `≤ ${goals[app] / KB} kB`, ok: bytes <= goals[app] });
    }
    const html = readFileSync(join(webDist, 'console/index.html'), 'utf8') + readFileSync(join(webDist, 'index.html'), 'utf8');
    const initial = new Set(initialScripts(html).map((s) => s.replace(/^\/assets\//, '')));
    const lazy = (await import('node:fs')).readdirSync(join(webDist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(f));
    for (const file of lazy.filter((f) => /^(uPlot|Dashboard)/.test(f))) {
      rows.push({ suite: 'web', metric: `lazy ${file.replace(/-[\w-]{8}\.js$/, '')} (gzip)`, value: Math.round((gz(`assets/${file}`) / KB) * 10) / 10, unit: 'kB', note: 'loaded on the dashboard only' });
    }
    details.lazy = lazy;
    return { rows, details };
  },
};

export default suite;
