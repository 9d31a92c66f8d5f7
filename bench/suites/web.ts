/**
 * Web: the JavaScript a browser must fetch before each app can start (the entry script and the
 * chunks its HTML preloads), gzip-compressed as CloudFront serves it. Screens and libraries
 * loaded on demand (the dashboard, uPlot, admin screens, Cognito's client) are listed apart:
 * they are not paid on first load.
 *
 * Then, in Debian's Chromium against the bench's platform: the main-thread time of opening the
 * queue of a department holding 2,000 open tickets (from the click on "Queue" to the table
 * drawn: the 20 pages' JSON and the render of the 100 soonest due), side by side with a department of
 * 20; and Lighthouse's performance score of that queue and of the city manager's dashboard.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, webDist } from '../../local/web-build.js';
import type { BenchEnv } from '../lib/env.js';
import { audit, launchChromium, signedInPage, type FormFactor } from '../lib/lighthouse.js';
import { median } from '../lib/stats.js';
import { envNumber, type BenchContext, type Row, type Suite } from '../lib/types.js';

const KB = 1024;
const goals = { console: 150 * KB, citizen: 60 * KB };

const QUEUE_TICKETS = envNumber('BENCH_WEB_QUEUE_TICKETS', 2000);
const RENDER_RUNS = envNumber('BENCH_WEB_RENDER_RUNS', 5);
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

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
    if (!chromium) return { rows, details, notes: ['No Chromium (/usr/bin/chromium or CHROMIUM_PATH): queue render and Lighthouse skipped.'] };
    const browserRows = await inBrowser(await ctx.env(), ctx.log, details);
    const citizen = await citizenLighthouse(ctx);
    details.citizenLighthouse = citizen.details;
    return { rows: [...rows, ...browserRows, ...citizen.rows], details, notes: ['Main-thread time is TaskDuration from Chrome (puppeteer page.metrics) from the click on "Queue" to the first 100 rows drawn and to the whole queue in; Lighthouse scores of the console use its desktop config, of the citizen app its mobile one (simulated throttling).'] };
  },
};

/** Files `n` tickets of one category in one ward (so one department's queue), `inFlight` at a time. */
async function fill(env: BenchEnv, wardCode: string, n: number, inFlight = 8): Promise<string> {
  let next = 0;
  let departmentId = '';
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const citizen = env.citizens[i % env.citizens.length]!;
      const body = { category: 'environment', description: `Rác thải tồn đọng ở đầu ngõ ${i + 1}, đề nghị thu gom sớm.`, location: { wardCode } };
      const res = await env.request('POST', '/v1/tickets', { token: citizen.token, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`POST /v1/tickets: ${res.status} ${res.body.slice(0, 200)}`);
      departmentId ||= (JSON.parse(res.body) as { departmentId: string }).departmentId;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return departmentId;
}

async function inBrowser(env: BenchEnv, log: (line: string) => void, details: Record<string, unknown>): Promise<Row[]> {
  const wards = [...new Set(env.bodies.map((b) => b.location.wardCode))];
  const started = Date.now();
  const big = await fill(env, wards[0]!, QUEUE_TICKETS);
  const small = await fill(env, wards[1]!, 20);
  if (big === small) throw new Error(`wards ${wards[0]} and ${wards[1]} route to one department (${big}): pick two that do not`);
  log(`web: ${QUEUE_TICKETS} tickets for ${big}, 20 for ${small} (${Math.round((Date.now() - started) / 1000)} s)`);
  const staffOf = (departmentId: string) => env.auth.mint({ sub: `bench-staff-${departmentId}`, groups: ['staff'], departmentId, name: 'Cán bộ thử' });
  const browser = await launchChromium(chromium!);
  try {
    /** Main-thread ms from the click on "Queue" (on the notifications screen) to `rows` rows drawn. */
    const openQueue = async (departmentId: string, rows: number) => {
      const page = await signedInPage(browser, env.url, await staffOf(departmentId));
      try {
        await page.goto(`${env.url}/console/notifications`);
        await page.waitForSelector('#notif-h');
        const before = await page.metrics();
        await page.click('a[href="/console/queue"]');
        // The 100 soonest due are drawn from the first page; the rest of the pages come in behind them.
        await page.waitForFunction(`document.querySelectorAll('table.queue tbody tr').length >= ${Math.min(rows, 100)}`, { timeout: 120_000, polling: 50 });
        const drawn = await page.metrics();
        await page.waitForFunction(`document.querySelector('.toolbar .hint[data-complete="true"]')?.dataset.count === '${rows}'`, { timeout: 120_000, polling: 50 });
        const after = await page.metrics();
        const ms = (m: typeof after, k: 'TaskDuration' | 'ScriptDuration') => ((m[k] ?? 0) - (before[k] ?? 0)) * 1000;
        return { main: ms(after, 'TaskDuration'), script: ms(after, 'ScriptDuration'), firstDrawn: ms(drawn, 'TaskDuration') };
      } finally {
        await page.close();
      }
    };
    await openQueue(small, 20); // warm-up: the bundle compiled and cached once
    const bigRuns: { main: number; script: number; firstDrawn: number }[] = [];
    const smallRuns: { main: number; script: number; firstDrawn: number }[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      bigRuns.push(await openQueue(big, QUEUE_TICKETS));
      smallRuns.push(await openQueue(small, 20));
    }
    const bigMain = median(bigRuns.map((r) => r.main));
    const smallMain = median(smallRuns.map((r) => r.main));
    details.queueRender = { department: big, tickets: QUEUE_TICKETS, runs: bigRuns, baseline: { department: small, tickets: 20, runs: smallRuns } };
    const rows: Row[] = [
      { suite: 'web', metric: `queue of ${QUEUE_TICKETS} tickets: main-thread time, every page in (median of ${RENDER_RUNS})`, value: Math.round(bigMain), unit: 'ms', baseline: Math.round(smallMain), ratio: Math.round((bigMain / smallMain) * 100) / 100, goal: '< 200 ms', ok: bigMain < 200, note: `baseline: a queue of 20; script ${Math.round(median(bigRuns.map((r) => r.script)))} ms` },
      { suite: 'web', metric: `queue of ${QUEUE_TICKETS} tickets: main-thread time to the first 100 drawn`, value: Math.round(median(bigRuns.map((r) => r.firstDrawn))), unit: 'ms', baseline: Math.round(smallMain), note: 'the soonest due, from the first page' },
    ];

    const manager = await env.auth.mint({ sub: 'bench-city-manager', groups: ['manager'], scope: 'city', name: 'Lãnh đạo thử' });
    const targets: [string, string, string][] = [
      [`queue (${QUEUE_TICKETS} tickets)`, await staffOf(big), '/console/queue'],
      ['dashboard (city)', manager, '/console/dashboard'],
    ];
    const scores: Record<string, unknown> = {};
    for (const formFactor of ['desktop', 'mobile'] as const satisfies readonly FormFactor[]) {
      for (const [name, token, path] of targets) {
        const page = await signedInPage(browser, env.url, token);
        try {
          const result = await audit(page, `${env.url}${path}`, { categories: ['performance', 'accessibility'], formFactor });
          const perf = result.score('performance');
          const metric = (id: string) => Math.round(result.lhr.audits[id]?.numericValue ?? Number.NaN);
          scores[`${name} ${formFactor}`] = { performance: perf, accessibility: result.score('accessibility'), fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: result.lhr.audits['cumulative-layout-shift']?.numericValue };
          const goal = formFactor === 'desktop';
          rows.push({ suite: 'web', metric: `Lighthouse performance: ${name}, ${formFactor}`, value: perf, unit: 'score', ...(goal ? { goal: '≥ 90', ok: perf >= 90 } : {}), note: `LCP ${metric('largest-contentful-paint')} ms, TBT ${metric('total-blocking-time')} ms, CLS ${(result.lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(2)}` });
          rows.push({ suite: 'web', metric: `Lighthouse accessibility: ${name}, ${formFactor}`, value: result.score('accessibility'), unit: 'score', goal: '= 100', ok: result.score('accessibility') === 100 });
        } finally {
          await page.close();
        }
      }
    }
    details.lighthouse = scores;
    return rows;
  } finally {
    await browser.close();
  }
}

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
      const numeric = (id: string) => lhr.audits[id]?.numericValue;
      details[screen.name] = { url: lhr.finalDisplayedUrl, fcpMs: numeric('first-contentful-paint'), lcpMs: numeric('largest-contentful-paint'), tbtMs: numeric('total-blocking-time'), cls: numeric('cumulative-layout-shift'), failedA11y: Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id)).map((a) => a.id) };
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
