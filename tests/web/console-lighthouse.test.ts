/**
 * Lighthouse's accessibility score on the console's main screens, signed in as the people who
 * use them (the queue and a ticket as ward staff, the dashboard as the city manager, the routing
 * rules as the admin), on a desktop and a phone: 100 each. Lighthouse 13 drives its own tab of
 * Debian's Chromium through puppeteer-core, with the session the sign-in page would leave.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { audit, launchChromium, signedInPage, type FormFactor } from '../../bench/lib/lighthouse.js';
import { chromiumPath, describeWeb, tokenFor } from './support/browser.js';

describeWeb('console Lighthouse accessibility', (app) => {
  let browser: Browser;
  let ticketPath: string;
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath!);
    const { token } = await tokenFor(app, 'ward-staff');
    const me = (await app.api.request('GET', '/v1/me', { token })).body;
    const queue = await app.api.request('GET', `/v1/departments/${me.departmentId}/tickets`, { token });
    expect(queue.body.items.length).toBeGreaterThan(0);
    ticketPath = `/console/tickets/${queue.body.items[0].id}`;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const screens = [
    ['queue', 'ward-staff', () => '/console/queue'],
    ['ticket', 'ward-staff', () => ticketPath],
    ['dashboard', 'city-manager', () => '/console/dashboard'],
    ['admin rules', 'admin', () => '/console/admin/rules'],
  ] as const;

  for (const formFactor of ['desktop', 'mobile'] as const satisfies readonly FormFactor[]) {
    for (const [name, persona, path] of screens) {
      it(`${name} (${persona}, ${formFactor}): accessibility 100`, async () => {
        const { token } = await tokenFor(app, persona);
        const page = await signedInPage(browser, app.api.url, token, formFactor === 'mobile' ? 'en' : 'vi');
        try {
          const result = await audit(page, `${app.api.url}${path()}`, { categories: ['accessibility'], formFactor });
          // The screen asked for, signed in: not the sign-in page that stands in without a session.
          expect(new URL(result.finalUrl).pathname).toBe(path());
          expect(await page.$('button[data-persona]')).toBeNull();
          expect(await page.$eval('main h1', (h) => h.textContent ?? '')).not.toBe('');
          expect(result.lhr.audits['document-title']?.score).toBe(1);
          expect({ score: result.score('accessibility'), failing: result.failing('accessibility') }).toEqual({ score: 100, failing: [] });
        } finally {
          await page.close();
        }
      });
    }
  }
});
