/**
 * Browser tests: playwright-core driving the machine's Chromium (Debian's /usr/bin/chromium)
 * against the real local server (tests/support/api.ts) serving the built web apps. Without a
 * Chromium the browser tests are skipped with a message, except under CI=true where that fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemoData, seedDemoTemplates } from '../../../local/demo-data.js';
import { useTestApi, type TestApi } from '../../support/api.js';
import { hanoiSmall } from '../../support/table.js';

export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export const viewports = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } } as const;
export type ViewportName = keyof typeof viewports;

const screenshotDir = new URL('../../../docs/screenshots/', import.meta.url);

export interface WebApp {
  api: TestApi;
  browser: Browser;
  /** A fresh context (own storage) at a viewport, in a language (set before the first page loads). */
  context(opts?: { viewport?: ViewportName; lang?: 'vi' | 'en' }): Promise<BrowserContext>;
  page(opts?: { viewport?: ViewportName; lang?: 'vi' | 'en' }): Promise<Page>;
}

/**
 * `describe` for a browser test file: the runtime with the demo data, one Chromium for the file.
 * Skipped (with a message) when no Chromium is found; under CI=true a missing Chromium fails.
 * `s3: true` adds the local S3 (photo uploads from the browser).
 */
export function describeWeb(name: string, body: (app: WebApp) => void, opts: { s3?: boolean } = {}) {
  if (!chromiumPath) {
    if (process.env.CI === 'true' || process.env.CI === '1') {
      describe(name, () => it('needs a Chromium (apt-get install chromium, or CHROMIUM_PATH)', () => {
        throw new Error('No Chromium found at /usr/bin/chromium (or CHROMIUM_PATH); CI must install it (.ci/run does).');
      }));
    } else {
      console.warn(`[tests/web] ${name}: skipped, no Chromium found (install Debian's chromium or set CHROMIUM_PATH).`);
      describe.skip(name, () => body({} as WebApp));
    }
    return;
  }
  const buildError = inject('webBuildError');
  if (buildError) {
    describe(name, () => it('needs the web apps built', () => {
      throw new Error(`web/ did not build: ${buildError}`);
    }));
    return;
  }
  // A browser on a shared two-core machine: whole flows take tens of seconds, not the API tests' 20.
  describe(name, { timeout: 180_000 }, () => {
    const api = useTestApi({ streams: true, s3: opts.s3 ?? false });
    const app = { api } as WebApp;
    beforeAll(async () => {
      await seedDemoData(hanoiSmall);
      await seedDemoTemplates();
      app.browser = await chromium.launch({ executablePath: chromiumPath, args: flags, headless: true });
      app.context = async ({ viewport = 'desktop', lang = 'vi' } = {}) => {
        const context = await app.browser.newContext({ viewport: viewports[viewport], baseURL: api.url, locale: lang === 'vi' ? 'vi-VN' : 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
        await context.addInitScript((l) => {
          if (!localStorage.getItem('civic-feedback.lang')) localStorage.setItem('civic-feedback.lang', l);
        }, lang);
        return context;
      };
      app.page = async (opts) => (await app.context(opts)).newPage();
    });
    afterAll(async () => {
      await app.browser?.close();
    });
    body(app);
  });
}

/** Signs in on the page's sign-in screen as a demo persona (`ward-staff`, `admin`…). */
export async function signInAs(page: Page, personaId: string) {
  await page.locator(`button[data-persona="${personaId}"]`).click();
}

/** axe-core, WCAG 2.0/2.1 A and AA: the violations, for `expect(...).toEqual([])`. */
export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** docs/screenshots/<name>-<lang>-<w>x<h>.png, the full page. */
export async function screenshot(page: Page, name: string, lang: 'vi' | 'en') {
  mkdirSync(screenshotDir, { recursive: true });
  const { width, height } = page.viewportSize()!;
  const path = new URL(`${name}-${lang}-${width}x${height}.png`, screenshotDir);
  await page.screenshot({ path: path.pathname, fullPage: false, animations: 'disabled' });
  return path.pathname;
}

export interface Persona {
  id: string;
  claims: { sub: string; groups: string[]; departmentId?: string; scope?: string; name?: string; phone?: string };
}

/** The demo personas as the sign-in page lists them, and a token for one (for the API side of a test). */
export async function personas(app: WebApp): Promise<Persona[]> {
  return ((await (await fetch(`${app.api.url}/dev/personas`)).json()) as { items: Persona[] }).items;
}

export async function tokenFor(app: WebApp, personaId: string): Promise<{ token: string; persona: Persona }> {
  const persona = (await personas(app)).find((p) => p.id === personaId)!;
  return { token: await app.api.token(persona.claims as never), persona };
}

/** Presses Tab until `selector` has the focus (keyboard-only operation), failing after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator(selector).first().evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A page signed in as a persona on the console, waiting for its home screen. */
export async function consoleAs(app: WebApp, personaId: string, opts: { viewport?: ViewportName; lang?: 'vi' | 'en' } = {}) {
  const page = await app.page(opts);
  await page.goto('/console/');
  await signInAs(page, personaId);
  await page.locator('main h1').first().waitFor();
  return page;
}
