/**
 * The console's duplicate picker through the real local runtime: rejecting as a duplicate lists
 * the nearby open tickets of the same category (GET /v1/tickets/nearby), staff pick one instead
 * of typing its id, and the rejection names it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { consoleAs, describeWeb, expectAccessible, screenshot, tokenFor } from './support/browser.js';

describeWeb('console: duplicate picker', (app) => {
  it('district staff reject as duplicate by picking the nearby ticket of the same category; other categories and the ticket itself are not offered', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const file = async (title: string, lng: number, category = 'admin_procedures') => {
      const res = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category, title, description: 'Hồ sơ chứng thực nộp từ tuần trước vẫn chưa có kết quả, đề nghị kiểm tra.', location: { wardCode: '00004', lat: 21.036, lng }, visibility: 'public' } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; ref: string; departmentId: string };
    };
    const original = await file('Hồ sơ chậm (bản gốc)', 105.834);
    const other = await file('Vỉa hè bị lấn chiếm gần đó', 105.8342, 'urban_order');
    const copy = await file('Hồ sơ chậm (bản trùng)', 105.8347);
    expect(copy.departmentId).toBe('district-001');

    // English on a phone first, only looking; then Vietnamese on a desktop, sending the rejection.
    for (const [lang, viewport] of [['en', 'phone'], ['vi', 'desktop']] as const) {
      const page = await consoleAs(app, 'district-staff', { lang, viewport });
      await page.waitForURL(/\/console\/queue/);
      // Desktop: from the queue's row; phone: straight to the ticket (the queue is laid out as cards there).
      if (viewport === 'desktop') await page.locator('tr', { hasText: 'Hồ sơ chậm (bản trùng)' }).getByRole('link').click();
      else await page.goto(`/console/tickets/${copy.id}`);
      await page.locator('h1', { hasText: 'Hồ sơ chậm (bản trùng)' }).waitFor();
      await page.locator('button[data-action="reject"]').click();
      await page.locator('#f-reason-code').selectOption('duplicate');
      const picker = page.locator('fieldset.duplicate-picker');
      await picker.waitFor();
      const offered = await picker.locator('input[type="radio"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
      expect(offered).toEqual([original.id]);
      expect(await picker.textContent()).toContain(original.ref);
      expect(await picker.textContent()).not.toContain(other.ref);
      await picker.getByRole('radio').check();
      expect(await page.locator('#f-duplicate').inputValue()).toBe(original.id);
      await page.locator('#f-reject-msg').fill(lang === 'vi' ? 'Phản ánh này trùng với phiếu đã có, mời ông theo dõi phiếu gốc.' : 'This duplicates an earlier ticket; please follow the original.');
      await page.locator('form[data-form="reject"]').scrollIntoViewIfNeeded();
      // Every control of the form, and the page itself, within the screen's width (390 px on a phone).
      expect(await outside(page, 'form[data-form="reject"] :is(select, input, textarea, button, fieldset, legend, label)')).toEqual([]);
      await expectAccessible(page);
      await screenshot(page, 'console-duplicate', lang);
      if (lang === 'vi') {
        await page.locator('form[data-form="reject"] button[type="submit"]').click();
        await page.locator('.chip', { hasText: 'Từ chối' }).first().waitFor();
        const seen = await app.api.request('GET', `/v1/tickets/${copy.id}`, { token: citizen.token });
        expect(seen.body.status).toBe('rejected');
        const history = await app.api.request('GET', `/v1/tickets/${copy.id}/history`, { token: citizen.token });
        expect(JSON.stringify(history.body)).toContain(original.id);
      }
      await page.context().close();
    }

    // The rejected copy names its original by reference, as a link that opens the original's panel.
    for (const [lang, viewport] of [['vi', 'desktop'], ['en', 'phone']] as const) {
      const page = await consoleAs(app, 'district-staff', { lang, viewport });
      await page.waitForURL(/\/console\/queue/);
      await page.goto(`/console/tickets/${copy.id}`);
      const link = page.locator('.duplicate-of a');
      await link.waitFor();
      expect(await page.locator('.duplicate-of').textContent()).toBe(`${lang === 'vi' ? 'Trùng với phiếu' : 'Duplicate of'} ${original.ref} · Hồ sơ chậm (bản gốc)`);
      expect(await link.getAttribute('href')).toBe(`/console/tickets/${original.id}`);
      await link.scrollIntoViewIfNeeded();
      expect(await outside(page, '.duplicate-of, .duplicate-of a')).toEqual([]);
      await expectAccessible(page);
      await screenshot(page, 'console-duplicate-of', lang);
      await link.click();
      await page.locator('h1', { hasText: 'Hồ sơ chậm (bản gốc)' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/console/tickets/${original.id}`);
      await page.context().close();
    }
  });
});

/** The elements matching `selector` that reach past the viewport's right edge, and the page if it scrolls sideways. */
function outside(page: Page, selector: string): Promise<string[]> {
  // A string, run in the page: the tests compile without the DOM's types.
  return page.evaluate(`(() => {
    const w = document.documentElement.clientWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '');
    const over = [...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => name(e) + ': ' + Math.round(e.getBoundingClientRect().right) + ' > ' + w);
    return document.documentElement.scrollWidth > w ? [...over, 'page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w] : over;
  })()`);
}
