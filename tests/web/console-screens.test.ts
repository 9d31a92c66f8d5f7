/**
 * Every main console screen in Vietnamese and English, on a desktop (1366×768) and a phone
 * (390×844): 0 axe violations (WCAG 2.1 AA), no table wider than the screen on the admin
 * screens (rows stack on a phone), and a screenshot in docs/screenshots/.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleAs, describeWeb, expectAccessible, screenshot, type ViewportName } from './support/browser.js';

const combos = [
  ['vi', 'desktop'],
  ['en', 'desktop'],
  ['vi', 'phone'],
  ['en', 'phone'],
] as const satisfies readonly (readonly ['vi' | 'en', ViewportName])[];

/** What scrolls sideways: the page, or any table's scroll box (a phone must not). */
const sidewaysScroll = (page: Page) =>
  page.locator('html, .scroll').evaluateAll((boxes) =>
    boxes.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => (e as unknown as { className: string }).className || e.tagName));

describeWeb('console screens', (app) => {
  for (const [lang, viewport] of combos) {
    it(`staff screens (${lang}, ${viewport}): queue, ticket, notifications`, async () => {
      const page = await consoleAs(app, 'ward-staff', { lang, viewport });
      await page.waitForURL(/\/console\/queue/);
      await page.locator('a.ticket-link').first().waitFor();
      expect(await page.locator('h1').textContent()).toMatch(lang === 'vi' ? /^Hàng đợi của / : /^Queue of /);
      await expectAccessible(page);
      await screenshot(page, 'console-queue', lang);
      await page.locator('a.ticket-link').first().click();
      await page.locator('#hist-h').waitFor();
      await expectAccessible(page);
      await screenshot(page, 'console-ticket', lang);
      await page.goto('/console/notifications');
      await page.locator('#notif-h').waitFor();
      await page.locator('.notifications li').first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'console-notifications', lang);
      await page.context().close();
    });

    it(`manager dashboard (${lang}, ${viewport})`, async () => {
      const page = await consoleAs(app, 'city-manager', { lang, viewport });
      await page.waitForURL(/\/console\/dashboard/);
      await page.locator('[data-kpi="received"]').waitFor();
      await page.locator('.chart canvas').first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'console-dashboard', lang);
      await page.context().close();
    });

    it(`admin screens (${lang}, ${viewport}): rules, categories, departments, holidays, templates`, async () => {
      const page = await consoleAs(app, 'admin', { lang, viewport });
      await page.waitForURL(/\/console\/admin\/rules/);
      await page.locator('tr[data-rule]').first().waitFor();
      await expectAccessible(page);
      expect(await sidewaysScroll(page)).toEqual([]);
      await screenshot(page, 'console-admin-rules', lang);
      for (const [path, name] of [['categories', 'console-admin-categories'], ['departments', 'console-admin-departments'], ['holidays', 'console-admin-holidays'], ['templates', 'console-admin-templates']] as const) {
        await page.goto(`/console/admin/${path}`);
        await page.locator('main h1').waitFor();
        await page.locator(path === 'holidays' ? '#h-dates' : 'tbody tr').first().waitFor();
        await expectAccessible(page);
        expect(await sidewaysScroll(page), name).toEqual([]);
        await screenshot(page, name, lang);
      }
      await page.context().close();
    });
  }
});
