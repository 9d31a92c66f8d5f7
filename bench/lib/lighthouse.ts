/**
 * Lighthouse on a signed-in console page, for the web bench (performance) and the browser tests
 * (accessibility). The console keeps its token in sessionStorage, which belongs to one tab:
 * Lighthouse is handed the very Puppeteer page the token was put in, and told not to clear its
 * storage, so it audits what the officer sees rather than the sign-in screen.
 */
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export function launchChromium(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ executablePath, headless: true, args: chromiumFlags });
}

/** A tab on the console's origin whose session is `token` (as the sign-in page would leave it). */
export async function signedInPage(browser: Browser, baseUrl: string, token: string, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/config.json`);
  await page.evaluate(
    (t, l) => {
      sessionStorage.setItem('civic-feedback.session', t);
      localStorage.setItem('civic-feedback.lang', l);
    },
    token,
    lang,
  );
  return page;
}

export type FormFactor = 'desktop' | 'mobile';

/** Runs Lighthouse on `url` in `page`; scores are 0–100. */
export async function audit(page: Page, url: string, opts: { categories: ('performance' | 'accessibility')[]; formFactor?: FormFactor }) {
  const flags: Flags = { onlyCategories: opts.categories, disableStorageReset: true, logLevel: 'error', output: 'json' };
  const runner = await lighthouse(url, flags, opts.formFactor === 'mobile' ? undefined : desktopConfig, page as never);
  if (!runner) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr: Result = runner.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  /** The audits that cost points in a category: id and title, for a failing assertion's message. */
  const failing = (c: string) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
      .map((r) => `${r.id}: ${lhr.audits[r.id]!.title}`);
  return { lhr, finalUrl: lhr.finalDisplayedUrl, score, failing };
}
