/**
 * Web: the JavaScript a browser must fetch before each app can start (the entry script and the
 * chunks its HTML preloads), gzip-compressed as CloudFront serves it. Screens and libraries
 * loaded on demand (the dashboard, uPlot, admin screens, Cognito's client) are listed apart:
 * they are not paid on first load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, webDist } from '../../local/web-build.js';
import type { BenchContext, Row, Suite } from '../lib/types.js';

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
    const citizen = await citizenLighthouse(ctx);
    rows.push(...citizen.rows);
    details.citizenLighthouse = citizen.details;
    return { rows, details };
  },
};

export default suite;

/**
 * Lighthouse (mobile, its default simulated throttling) on the citizen app's home (signed out,
 * cold) and its report screen (signed in, cold: caches and the service worker cleared, the
 * session kept, as after signing in on a new phone). `BENCH_WEB_LIGHTHOUSE=0` skips it.
 */
async function citizenLighthouse(ctx: BenchContext): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (process.env.BENCH_WEB_LIGHTHOUSE === '0' || !existsSync(chromePath)) return { rows: [], details: { skipped: true } };
  const env = await ctx.env();
  const citizen = env.citizens[0]!;
  const { launch } = await import('chrome-launcher');
  const puppeteer = (await import('puppeteer-core')).default;
  const { navigation } = await import('lighthouse');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const screens = [
      { name: 'home', path: '/', signedIn: false },
      { name: 'report', path: '/report', signedIn: true },
    ];
    for (const screen of screens) {
      const page = await browser.newPage();
      let flags: Record<string, unknown> = { onlyCategories: ['performance', 'accessibility'], logLevel: 'error' };
      if (screen.signedIn) {
        await page.goto(`${env.url}/signin`);
        await page.evaluate((token) => {
          const w = globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void }; navigator: { serviceWorker: { getRegistrations(): Promise<{ unregister(): Promise<boolean> }[]> } }; caches: { keys(): Promise<string[]>; delete(k: string): Promise<boolean> } };
          w.sessionStorage.setItem('civic-feedback.session', token);
          return Promise.all([w.navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))), w.caches.keys().then((keys) => Promise.all(keys.map((k) => w.caches.delete(k))))]);
        }, citizen.token);
        const cdp = await page.createCDPSession();
        await cdp.send('Network.clearBrowserCache');
        // Lighthouse's storage reset would also drop the session (the sign-in): the caches are cleared above instead.
        flags = { ...flags, disableStorageReset: true };
      }
      const result = await navigation(page as never, `${env.url}${screen.path}`, { flags });
      const lhr = result!.lhr;
      // The figure is the screen's only if the screen is what loaded (the report form needs the session).
      if (screen.signedIn && !(await page.$('input[name="category"]'))) throw new Error('the report screen did not show its form: the session was lost');
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const perf = score('performance');
      const a11y = score('accessibility');
      const audit = (id: string) => lhr.audits[id]?.numericValue;
      details[screen.name] = { url: lhr.finalDisplayedUrl, fcpMs: audit('first-contentful-paint'), lcpMs: audit('largest-contentful-paint'), tbtMs: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'), failedA11y: Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id)).map((a) => a.id) };
      rows.push({ suite: 'web', metric: `citizen ${screen.name}: Lighthouse mobile performance`, value: perf, unit: 'score', goal: '≥ 95', ok: perf >= 95 });
      rows.push({ suite: 'web', metric: `citizen ${screen.name}: Lighthouse accessibility`, value: a11y, unit: 'score', goal: '= 100', ok: a11y === 100 });
      await page.close();
    }
    await browser.disconnect();
  } finally {
    chrome.kill();
  }
  return { rows, details };
}
