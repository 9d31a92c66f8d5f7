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
import { envNumber, type Row, type Suite } from '../lib/types.js';

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
    return { rows: [...rows, ...browserRows], details, notes: ['Main-thread time is TaskDuration from Chrome (puppeteer page.metrics) from the click on "Queue" to the first 100 rows drawn and to the whole queue in; Lighthouse scores use its desktop config (simulated throttling).'] };
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
