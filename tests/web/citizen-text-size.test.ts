/**
 * Text at 200 % on a phone (390×844), in Vietnamese and English: every citizen screen keeps all
 * its content, with no sideways scrolling and no clipped text (WCAG 1.4.4). The root font size
 * follows the reader's own setting (base.css: `font-size: 100%`), which a stylesheet of
 * `html { font-size: 200% }` stands in for, as a browser's "very large" text setting does.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { seedPrivacyNotice } from '../../local/demo-data.js';
import { defaultPrivacyNotice } from '../../shared/reference/privacy-notice.js';
import { describeWeb, screenshot, tokenFor } from './support/browser.js';

const POLL = { timeout: 30_000 };

/** What does not fit: the page scrolls sideways, or an element hides text it cannot show. (A string: this tsconfig has no DOM types.) */
const textLoss = (page: Page) =>
  page.evaluate(`(() => {
    const losses = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) losses.push('the page is ' + root.scrollWidth + 'px wide in ' + root.clientWidth + 'px');
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      // Nothing drawn, or text meant for screen readers only (the 1 px visually-hidden pattern).
      if (!el.textContent.trim() || el.getClientRects().length === 0 || box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
      if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        losses.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ': "' + el.textContent.trim().slice(0, 40) + '" is clipped');
      }
    }
    return losses;
  })()`) as Promise<string[]>;

describeWeb('citizen app: text at 200 % on a phone', (app) => {
  let token: string;
  let answered = '';

  beforeAll(async () => {
    await seedPrivacyNotice();
    token = await app.api.token({ sub: 'large-text-citizen', groups: ['citizen'], name: 'Trần Văn Bình' });
    const staff = (await tokenFor(app, 'district-staff')).token;
    const made = await app.api.request('POST', '/v1/tickets', {
      token,
      body: { category: 'admin_procedures', title: 'Chứng thực bản sao chậm', description: 'Nộp hồ sơ chứng thực bản sao từ thứ Hai, hẹn hai ngày mà chưa có.', location: { wardCode: '00004', address: 'Bộ phận một cửa, 2 Phúc Xá' }, consentVersion: defaultPrivacyNotice.version },
    });
    expect(made.status).toBe(201);
    const acked = await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff, body: { action: 'acknowledge', expectedVersion: made.body.version } });
    const responded = await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff, body: { action: 'respond', message: 'Bản sao đã chứng thực xong, mời ông/bà nhận tại quầy số 2 từ sáng thứ Sáu.', expectedVersion: acked.body.version } });
    expect(responded.status).toBe(200);
    answered = made.body.id;
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`${lang}: home, report, my reports, a report, inbox, settings, account, around me`, async () => {
      const context = await app.context({ viewport: 'phone', lang });
      await context.addInitScript((t) => sessionStorage.setItem('civic-feedback.session', t), token);
      const page = await context.newPage();
      const screens: Array<[string, string, string]> = [
        ['home', '/', 'main h1'],
        ['report', '/report', 'input[name="category"]'],
        ['my-reports', '/reports', `a[href="/reports/${answered}"]`],
        ['report-answered', `/reports/${answered}`, '.answer'],
        ['inbox', '/inbox', 'main h1'],
        ['settings', '/settings', 'main h1'],
        ['account', '/account', 'main h1'],
        ['around', '/around', 'select[data-level="district"]'],
      ];
      const found: Record<string, string[]> = {};
      for (const [name, path, ready] of screens) {
        await page.goto(path);
        await page.locator(ready).first().waitFor(POLL);
        await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
        // The text really is twice the size: the root font went from 16 to 32 px.
        expect(await page.evaluate('getComputedStyle(document.documentElement).fontSize')).toBe('32px');
        const losses = await textLoss(page);
        if (losses.length) found[name] = losses;
        if (name === 'report' || name === 'report-answered') {
          // At this size the header fills the first screen: shoot the screen's own content.
          await page.evaluate("document.querySelector('main')?.scrollIntoView()");
          await screenshot(page, `citizen-text-200-${name}`, lang);
        }
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});
