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
  },
  { s3: true },
);
