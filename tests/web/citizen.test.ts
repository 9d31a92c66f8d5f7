/**
 * The citizen app through the real local runtime (with the local S3): a report in steps with a
 * 4 MB photo sent as ≤ 600 kB and the privacy notice accepted; offline, then online with the
 * first POST's reply lost → exactly one ticket; "not satisfied" reopens; add information after
 * a request; the inbox shows the answer; vi and en, phone and desktop, axe 0 violations.
 */
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { seedPrivacyNotice } from '../../local/demo-data.js';
import { describeWeb, expectAccessible, screenshot, signInAs, tokenFor, type ViewportName } from './support/browser.js';

const POLL = { timeout: 30_000 };

describeWeb(
  'citizen app',
  (app) => {
    let photo: Buffer;
    beforeAll(async () => {
      await seedPrivacyNotice();
      // A camera-sized photo of noise: about 4 MB as a high-quality JPEG.
      const raw = Buffer.alloc(2400 * 1800 * 3);
      for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
      photo = await sharp(raw, { raw: { width: 2400, height: 1800, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    });

    async function citizenPage(opts: { viewport?: ViewportName; lang?: 'vi' | 'en' } = {}) {
      const context = await app.context(opts);
      const page = await context.newPage();
      await page.goto('/signin');
      await signInAs(page, 'citizen');
      await page.locator('main h1').first().waitFor();
      await expect.poll(() => page.evaluate(() => sessionStorage.getItem('civic-feedback.session')), POLL).toMatch(/^ey/);
      return page;
    }

    /** Steps 1–5 of the flow: category, ward (district → ward), description, [photo], public. */
    async function fillReport(page: Page, description: string, opts: { photo?: Buffer; lang?: 'vi' | 'en'; shots?: boolean } = {}) {
      const lang = opts.lang ?? 'vi';
      const shot = async (name: string) => {
        if (!opts.shots) return;
        await expectAccessible(page);
        await screenshot(page, `citizen-report-${name}`, lang);
      };
      await page.locator('input[name="category"][value="lighting_power"]').waitFor();
      await shot('category');
      await page.locator('input[name="category"][value="lighting_power"]').check();
      await page.locator('button[type="submit"]').click();
      await page.locator('select[data-level="district"]').selectOption('001');
      await page.locator('select[data-level="ward"]').selectOption('00004');
      await page.locator('#address').fill('Trước số 12 phố Phúc Xá');
      await shot('place');
      await page.locator('button[type="submit"]').click();
      await page.locator('#description').fill(description);
      await expect.poll(() => page.locator('#description-count').textContent(), POLL).toContain(`${[...description].length}/4000`);
      await shot('what');
      await page.locator('button[type="submit"]').click();
      if (opts.photo) {
        await page.locator('#photos').setInputFiles({ name: 'street-light.jpg', mimeType: 'image/jpeg', buffer: opts.photo });
        await page.locator('.thumbs img').waitFor();
      }
      await shot('photos');
      await page.locator('button[type="submit"]').click();
      await page.locator('input[name="visibility"][value="public"]').check();
      await shot('visibility');
      await page.locator('button[type="submit"]').click();
    }

    it('reports a broken street light with a 4 MB photo (sent as ≤ 600 kB), accepting the privacy notice; the reply names the reference, unit and deadline', async () => {
      const page = await citizenPage({ viewport: 'phone' });
      const uploads: number[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && !r.url().startsWith(app.api.url)) uploads.push(r.postDataBuffer()?.length ?? 0);
      });
      expect(photo.length).toBeGreaterThan(3_500_000);
      await page.getByRole('link', { name: 'Gửi phản ánh mới' }).click();
      const description = 'Đèn đường trước số 12 phố Phúc Xá tắt ba đêm nay, rất tối.';
      await fillReport(page, description, { photo, shots: true });
      await page.locator('.notice details[open]').waitFor();
      await page.locator('button.send').click();
      expect(await page.getByRole('alert').textContent()).toContain('đồng ý');
      await page.locator('input[name="consent"]').check();
      // Ticking the box answers the error: it does not stay on screen.
      expect(await page.getByRole('alert').count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'citizen-report-review', 'vi');
      await page.locator('button.send').click();
      const ref = page.locator('.outcome .ref');
      await ref.waitFor(POLL);
      expect(await ref.textContent()).toMatch(/HN-\d{6}-\d{4}/);
      expect(await page.locator('.deadline').textContent()).toMatch(/.+ sẽ tiếp nhận trước \d\d:\d\d (thứ|Chủ).* và trả lời trước/i);
      await expectAccessible(page);
      await screenshot(page, 'citizen-report-sent', 'vi');

      expect(uploads).toHaveLength(1);
      expect(uploads[0]).toBeLessThanOrEqual(600 * 1024 + 4096);
      const citizen = await tokenFor(app, 'citizen');
      const mine = await app.api.request('GET', '/v1/me/tickets?limit=50', { token: citizen.token });
      const made = mine.body.items.filter((t: { description: string }) => t.description === description);
      expect(made).toHaveLength(1);
      expect(made[0]).toMatchObject({ category: 'lighting_power', location: { wardCode: '00004' }, visibility: 'public' });
      expect(made[0].photos).toHaveLength(1);
      await page.context().close();
    });

    it('offline: the report is kept on the phone and shown as waiting; back online it is sent once, even when the first reply is lost and the request retried', async () => {
      const page = await citizenPage({ viewport: 'phone' });
      // The lists the flow needs are warmed while online.
      await expect.poll(() => page.evaluate(() => localStorage.getItem('civic-feedback.cache.ref.areas.001')), POLL).toMatch(/00004/);
      const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#806040' } }).jpeg().toBuffer();
      const keys: string[] = [];
      let lost = false;
      await page.context().route('**/v1/tickets', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (!lost) {
          lost = true;
          await route.fetch(); // the API files it…
          return route.abort('timedout'); // …and the phone never hears back.
        }
        return route.continue();
      });
      await page.context().setOffline(true);
      await page.locator('.offline-banner').waitFor();
      await page.getByRole('link', { name: 'Gửi phản ánh', exact: true }).click();
      const description = 'Cột đèn số 7 ngõ 3 Phúc Xá bị nghiêng, sợ đổ khi có gió.';
      await fillReport(page, description, { photo: small });
      await page.locator('input[name="consent"]').check();
      await page.locator('button.send').click();
      await page.locator('.outcome h1', { hasText: 'Đã lưu trên máy' }).waitFor(POLL);
      await expectAccessible(page);
      await screenshot(page, 'citizen-offline-queued', 'vi');
      await page.getByRole('link', { name: 'Của tôi' }).first().click();
      await page.locator('.outbox li', { hasText: description.slice(0, 30) }).waitFor();
      expect(await page.locator('.outbox').textContent()).toContain('Đang chờ mạng');
      await expectAccessible(page);
      await screenshot(page, 'citizen-outbox', 'vi');

      await page.context().setOffline(false);
      await page.locator('.outbox').waitFor({ state: 'detached', timeout: 60_000 });
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe(keys[0]);
      const citizen = await tokenFor(app, 'citizen');
      const mine = await app.api.request('GET', '/v1/me/tickets?limit=50', { token: citizen.token });
      const made = mine.body.items.filter((t: { description: string }) => t.description === description);
      expect(made).toHaveLength(1);
      expect(made[0].photos).toHaveLength(1);
      await page.context().close();
    });

    async function ticketFor(body: Record<string, unknown>) {
      const citizen = await tokenFor(app, 'citizen');
      const staff = await tokenFor(app, 'district-staff');
      const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', location: { wardCode: '00004' }, consentVersion: '2026-01', ...body } });
      expect(made.status).toBe(201);
      const acked = await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff.token, body: { action: 'acknowledge', expectedVersion: made.body.version } });
      expect(acked.status).toBe(200);
      return { citizen, staff, ticket: acked.body };
    }

    it('add information: after the unit asks, the citizen answers on the report page and it goes back to in progress', async () => {
      const { citizen, staff, ticket } = await ticketFor({ title: 'Hồ sơ đăng ký kinh doanh', description: 'Hồ sơ đăng ký hộ kinh doanh nộp hai tuần chưa có kết quả.' });
      await app.api.request('POST', `/v1/tickets/${ticket.id}/actions`, { token: staff.token, body: { action: 'request_info', message: 'Xin cho biết số biên nhận hồ sơ.', expectedVersion: ticket.version } });
      const page = await citizenPage({ viewport: 'phone' });
      await page.goto(`/reports/${ticket.id}`);
      await page.locator('.add-info.asked').waitFor(POLL);
      expect(await page.locator('.timeline').textContent()).toContain('Xin cho biết số biên nhận hồ sơ.');
      await expectAccessible(page);
      await screenshot(page, 'citizen-add-info', 'vi');
      await page.locator('#add-info').fill('Số biên nhận là 2026/BN-0153.');
      await page.getByRole('button', { name: 'Gửi thông tin' }).click();
      await page.locator('.chip', { hasText: 'Đang xử lý' }).waitFor(POLL);
      const seen = await app.api.request('GET', `/v1/tickets/${ticket.id}`, { token: citizen.token });
      expect(seen.body.status).toBe('in_progress');
      await page.context().close();
    });

    it('rating (en): "not satisfied" says it goes back to the unit, and reopens the report; the inbox shows the answer', async () => {
      const { citizen, staff, ticket } = await ticketFor({ title: 'Certified copy delayed', description: 'My certified copy request has been waiting for a week.' });
      const answer = 'Your copy is ready at the one-stop desk from Monday morning.';
      const responded = await app.api.request('POST', `/v1/tickets/${ticket.id}/actions`, { token: staff.token, body: { action: 'respond', message: answer, expectedVersion: ticket.version } });
      expect(responded.status).toBe(200);
      const page = await citizenPage({ viewport: 'desktop', lang: 'en' });

      // The inbox item comes from the stream, after the answer: the inbox opens once it exists
      // (on a loaded machine the page would otherwise load before it and wait for its next visit).
      await expect
        .poll(async () => JSON.stringify((await app.api.request('GET', '/v1/me/notifications?limit=50', { token: citizen.token })).body), { timeout: 60_000 })
        .toContain(ticket.id);
      await page.getByRole('link', { name: /^Inbox/ }).click();
      const note = page.locator('li[data-notification="responded"]', { hasText: ticket.ref });
      await note.waitFor({ timeout: 60_000 });
      await expectAccessible(page);
      await screenshot(page, 'citizen-inbox', 'en');
      await note.getByRole('link', { name: 'Open the report' }).click();

      await page.locator('.answer', { hasText: answer }).waitFor(POLL);
      expect(await page.locator('.rate').textContent()).toContain('goes to the unit above');
      // A report's page is under "My reports" only, not also under "Report" (/report is a prefix of /reports).
      expect(await page.locator('header [aria-current="page"]').allTextContents()).toEqual(['My reports']);
      await expectAccessible(page);
      await screenshot(page, 'citizen-rate', 'en');
      await page.locator('input[name="rating"][value="not_satisfied"]').check();
      await page.locator('#rate-comment').fill('The desk said it is not ready.');
      await page.getByRole('button', { name: 'Send rating' }).click();
      await page.locator('.reopened', { hasText: 'went back to the unit' }).waitFor(POLL);
      await page.locator('.chip', { hasText: 'In progress' }).waitFor();
      const seen = await app.api.request('GET', `/v1/tickets/${ticket.id}`, { token: citizen.token });
      expect(seen.body.status).toBe('in_progress');
      // The timeline reloads behind the chip: wait for it, then there is exactly one reopening.
      await expect.poll(() => page.locator('.timeline [data-event="reopened"]').count(), POLL).toBe(1);
      await page.context().close();
    });

    it('PWA: a manifest with icons, and a service worker the app registers that takes the page and opens the app shell with no connection', async () => {
      const manifest = (await (await fetch(`${app.api.url}/manifest.webmanifest`)).json()) as { icons: { src: string }[] };
      expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
      for (const icon of manifest.icons) expect((await fetch(`${app.api.url}${icon.src}`)).headers.get('content-type')).toBe('image/png');
      const context = await app.context({ viewport: 'phone' });
      const page = await context.newPage();
      // The test's tsconfig has no DOM types: the page's navigator, as far as this test reads it.
      type SW = { serviceWorker: { getRegistrations(): Promise<unknown[]>; ready: Promise<unknown>; controller: unknown } };
      await page.goto('/');
      await expect.poll(() => page.evaluate(async () => (await (globalThis as unknown as { navigator: SW }).navigator.serviceWorker.getRegistrations()).length), POLL).toBe(1);
      await page.evaluate(() => (globalThis as unknown as { navigator: SW }).navigator.serviceWorker.ready.then(() => true));
      await page.reload();
      await expect.poll(() => page.evaluate(() => !!(globalThis as unknown as { navigator: SW }).navigator.serviceWorker.controller), POLL).toBe(true);
      await page.locator('h1', { hasText: 'Phản ánh tới chính quyền' }).waitFor();
      await context.setOffline(true);
      await page.reload();
      await page.locator('h1', { hasText: 'Phản ánh tới chính quyền' }).waitFor(POLL);
      await context.close();
    });
  },
  { s3: true },
);
