/**
 * Every citizen screen at a phone (390×844) and a desktop (1366×768), in Vietnamese and English,
 * with the data a citizen would have (an answered report, one the unit asked about, an inbox,
 * someone else's public report): axe 0 violations on each, a screenshot of each to docs/screenshots/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { seedPrivacyNotice } from '../../local/demo-data.js';
import { defaultPrivacyNotice } from '../../shared/reference/privacy-notice.js';
import { describeWeb, expectAccessible, screenshot, tokenFor, type ViewportName } from './support/browser.js';

const POLL = { timeout: 30_000 };

describeWeb('citizen app: every screen, phone and desktop, vi and en', (app) => {
  let token: string;
  const ids: Record<'answered' | 'asked' | 'public', string> = { answered: '', asked: '', public: '' };

  beforeAll(async () => {
    await seedPrivacyNotice();
    token = await app.api.token({ sub: 'sweep-citizen', groups: ['citizen'], name: 'Nguyễn Thị Mai' });
    const staff = (await tokenFor(app, 'district-staff')).token;
    const file = async (who: string, body: Record<string, unknown>) => {
      const made = await app.api.request('POST', '/v1/tickets', { token: who, body: { category: 'admin_procedures', location: { wardCode: '00004', address: 'Bộ phận một cửa, 2 Phúc Xá' }, visibility: 'public', consentVersion: defaultPrivacyNotice.version, ...body } });
      expect(made.status).toBe(201);
      const acked = await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff, body: { action: 'acknowledge', expectedVersion: made.body.version } });
      expect(acked.status).toBe(200);
      return acked.body as { id: string; version: number };
    };
    const answered = await file(token, { title: 'Chứng thực bản sao chậm', description: 'Nộp hồ sơ chứng thực bản sao từ thứ Hai, hẹn hai ngày mà chưa có.' });
    const respond = await app.api.request('POST', `/v1/tickets/${answered.id}/actions`, { token: staff, body: { action: 'respond', message: 'Bản sao đã chứng thực xong, mời ông/bà nhận tại quầy số 2 từ sáng thứ Sáu.', expectedVersion: answered.version } });
    expect(respond.status).toBe(200);
    const asked = await file(token, { title: 'Hồ sơ đăng ký hộ kinh doanh', description: 'Hồ sơ đăng ký hộ kinh doanh nộp hai tuần chưa có kết quả.' });
    await app.api.request('POST', `/v1/tickets/${asked.id}/actions`, { token: staff, body: { action: 'request_info', message: 'Xin cho biết số biên nhận hồ sơ.', expectedVersion: asked.version } });
    const other = await file(await app.api.token({ sub: 'sweep-neighbour', groups: ['citizen'] }), { title: 'Xác nhận cư trú', description: 'Xin giấy xác nhận cư trú đã mười ngày chưa có kết quả.' });
    Object.assign(ids, { answered: answered.id, asked: asked.id, public: other.id });
    // The inbox fills from the stream: the screens are shot once it holds the answer.
    for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((ok) => setTimeout(ok, 250))) {
      const inbox = await app.api.request('GET', '/v1/me/notifications?limit=50', { token });
      if (inbox.body.items.some((n: { type: string }) => n.type === 'responded')) return;
    }
    throw new Error('the answer never reached the inbox');
  });

  async function signedIn(viewport: ViewportName, lang: 'vi' | 'en') {
    const context = await app.context({ viewport, lang });
    await context.addInitScript((t) => sessionStorage.setItem('civic-feedback.session', t), token);
    return context.newPage();
  }

  async function shoot(page: Page, name: string, lang: 'vi' | 'en') {
    await expectAccessible(page);
    await screenshot(page, `citizen-${name}`, lang);
  }

  for (const lang of ['vi', 'en'] as const) {
    for (const viewport of ['phone', 'desktop'] as const) {
      it(`${lang}, ${viewport}: home, report, my reports, a report, inbox, settings, account, around me, someone else's report`, async () => {
        const page = await signedIn(viewport, lang);
        const words = {
          vi: { mine: 'Phản ánh của tôi', inbox: 'Thông báo', around: 'Quanh tôi', account: 'Tài khoản và dữ liệu', settings: 'Cài đặt thông báo', home: 'Phản ánh tới chính quyền', due: 'Hạn trả lời' },
          en: { mine: 'My reports', inbox: 'Inbox', around: 'Around me', account: 'Account and data', settings: 'Notification settings', home: 'Report to your local government', due: 'Answer due' },
        }[lang];
        await page.goto('/');
        await page.locator('main h1', { hasText: words.home }).waitFor(POLL);
        await shoot(page, 'home-signed-in', lang);

        await page.goto('/report');
        await page.locator('input[name="category"]').first().waitFor(POLL);
        await shoot(page, 'report-start', lang);

        await page.goto('/reports');
        await page.locator(`a[href="/reports/${ids.answered}"]`).waitFor(POLL);
        // A deadline only while the unit still owes an answer.
        expect(await page.locator('.ticket-row', { has: page.locator(`a[href="/reports/${ids.answered}"]`) }).textContent()).not.toContain(words.due);
        expect(await page.locator('.ticket-row', { has: page.locator(`a[href="/reports/${ids.asked}"]`) }).textContent()).toContain(words.due);
        await shoot(page, 'my-reports', lang);

        await page.goto(`/reports/${ids.answered}`);
        await page.locator('.answer').waitFor(POLL);
        await page.locator('.timeline li').first().waitFor(POLL);
        await shoot(page, 'report-answered', lang);

        await page.goto(`/reports/${ids.asked}`);
        await page.locator('.add-info.asked').waitFor(POLL);
        await shoot(page, 'report-asked', lang);

        await page.goto('/inbox');
        await page.locator('.inbox li').first().waitFor(POLL);
        await shoot(page, 'inbox', lang);

        await page.goto('/settings');
        await page.locator('h1', { hasText: words.settings }).waitFor(POLL);
        await shoot(page, 'settings', lang);

        await page.goto('/account');
        await page.locator('h1', { hasText: words.account }).waitFor(POLL);
        await shoot(page, 'account', lang);

        await page.goto('/around');
        await page.locator('select[data-level="district"]').selectOption('001');
        await page.locator('select[data-level="ward"]').selectOption('00004');
        await page.locator('#answered-title').waitFor(POLL);
        await page.locator('table.scorecards').waitFor(POLL);
        await shoot(page, 'around', lang);

        await page.goto(`/reports/${ids.public}`);
        await page.locator('.public-ticket .follow button').waitFor(POLL);
        await shoot(page, 'public-report', lang);
        await page.context().close();
      });
    }
  }
});
