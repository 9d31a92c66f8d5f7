/**
 * The citizen app's other screens through the real local runtime: Around me (answered public
 * reports in a ward, the units' scorecards) and a public report's page with follow/unfollow;
 * preferences with the API's validation messages in place; "already reported?" with its follow;
 * discarding from the outbox; a draft kept across a reload; a duplicate's page linking to its
 * original; download my data and delete my account; the inbox reloading on focus; the Cognito
 * callback (authorization code + PKCE) against a stand-in identity provider. axe 0 violations.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { seedPrivacyNotice } from '../../local/demo-data.js';
import { defaultPrivacyNotice } from '../../shared/reference/privacy-notice.js';
import { describeWeb, expectAccessible, screenshot, tokenFor, viewports, type ViewportName } from './support/browser.js';

const POLL = { timeout: 30_000 };
const SESSION = 'civic-feedback.session';
// Phúc Xá (ward 00004 of the 2024 map), where the test's reports are.
const PHUC_XA = { lat: 21.0463, lng: 105.8477 };

describeWeb(
  'citizen app: account, following, settings, around me',
  (app) => {
    beforeAll(async () => {
      await seedPrivacyNotice();
    });

    let people = 0;
    /** A citizen of their own (so one test's data never shows in another's), signed in before the first page loads. */
    async function citizen(opts: { viewport?: ViewportName; lang?: 'vi' | 'en'; name?: string } = {}) {
      const claims = { sub: `web-citizen-${process.pid}-${++people}`, groups: ['citizen' as const], name: opts.name ?? `Công dân ${people}` };
      const token = await app.api.token(claims);
      const context = await app.context(opts);
      // Once per tab: a page that signs out stays signed out across its reloads.
      await context.addInitScript(
        ([key, value]) => {
          if (!sessionStorage.getItem('test.signed-in')) {
            sessionStorage.setItem(key!, value!);
            sessionStorage.setItem('test.signed-in', '1');
          }
        },
        [SESSION, token],
      );
      return { token, sub: claims.sub, context, page: await context.newPage() };
    }

    async function ticket(token: string, body: Record<string, unknown>) {
      const made = await app.api.request('POST', '/v1/tickets', {
        token,
        body: { category: 'admin_procedures', location: { wardCode: '00004' }, visibility: 'public', consentVersion: defaultPrivacyNotice.version, ...body },
      });
      expect(made.status).toBe(201);
      return made.body as { id: string; ref: string; version: number };
    }

    async function staffAct(id: string, body: Record<string, unknown>) {
      const staff = await tokenFor(app, 'district-staff');
      const current = await app.api.request('GET', `/v1/tickets/${id}`, { token: staff.token });
      const acted = await app.api.request('POST', `/v1/tickets/${id}/actions`, { token: staff.token, body: { ...body, expectedVersion: current.body.version } });
      expect(acted.status).toBe(200);
      return acted.body;
    }

    const followersOf = async (id: string) => (await app.api.request('GET', `/v1/tickets/${id}`, { token: (await tokenFor(app, 'admin')).token })).body.followers as number;

    it('Around me: answered public reports in the chosen ward and the units’ scorecards; a report opens its public page, where a citizen follows and unfollows it', async () => {
      const owner = await app.api.token({ sub: 'around-owner', groups: ['citizen'] });
      const made = await ticket(owner, { title: 'Giấy xác nhận cư trú chậm', description: 'Xin giấy xác nhận cư trú đã mười ngày chưa có.' });
      await staffAct(made.id, { action: 'acknowledge' });
      await staffAct(made.id, { action: 'respond', message: 'Giấy xác nhận đã sẵn sàng tại bộ phận một cửa phường.' });
      await expect.poll(async () => JSON.stringify((await app.api.request('GET', '/v1/public/tickets?area=00004&limit=50')).body), POLL).toContain(made.id);
      // The scorecards come from the metrics counters, which the stream keeps: the page opens once they count.
      const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
      const cards = `/v1/public/scorecards?from=${day(new Date(Date.now() - 30 * 86_400_000))}&to=${day(new Date())}`;
      await expect.poll(async () => (await app.api.request('GET', cards)).body.items.filter((c: { received: number }) => c.received > 0).length, POLL).toBeGreaterThan(0);

      const { page, token } = await citizen({ viewport: 'phone' });
      await page.goto('/around');
      await page.locator('select[data-level="district"]').selectOption('001');
      await page.locator('select[data-level="ward"]').selectOption('00004');
      const row = page.locator(`li[data-public="${made.id}"]`);
      await row.waitFor(POLL);
      expect(await row.textContent()).toContain('Đã trả lời');
      await page.locator('table.scorecards tbody tr').first().waitFor(POLL);
      await expectAccessible(page);
      await screenshot(page, 'citizen-around-answered', 'vi');

      await row.getByRole('link').click();
      await page.locator('.public-ticket .answer', { hasText: 'Giấy xác nhận đã sẵn sàng' }).waitFor(POLL);
      expect(await page.locator('.public-ticket .ref').textContent()).toBe(made.ref);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Theo dõi', exact: true }).click();
      await page.locator('.follow [role="status"]', { hasText: 'Bạn đang theo dõi' }).waitFor(POLL);
      expect(await page.locator('.follow [data-followers]').getAttribute('data-followers')).toBe('1');
      expect(await followersOf(made.id)).toBe(1);
      await expectAccessible(page);
      await screenshot(page, 'citizen-public-report-followed', 'vi');
      // Kept on the phone: back on the page after a reload it still says so, and offers to stop.
      await page.reload();
      await page.getByRole('button', { name: 'Bỏ theo dõi' }).click();
      await page.locator('.follow [role="status"]', { hasText: 'Bạn đã bỏ theo dõi' }).waitFor(POLL);
      expect(await followersOf(made.id)).toBe(0);
      const exported = await app.api.request('GET', '/v1/me/export', { token });
      expect(exported.body.following).toEqual([]);
      await page.context().close();
    });

    it('preferences (en): the API’s validation message appears beside the field it names, marked invalid; corrected, it saves', async () => {
      const { page, token } = await citizen({ viewport: 'desktop', lang: 'en' });
      await page.goto('/settings');
      await page.locator('#phone').fill('0912 345');
      await page.locator('input[name="sms"]').check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('#phone-error').waitFor(POLL);
      expect(await page.locator('#phone').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#phone').getAttribute('aria-describedby')).toBe('phone-error');
      expect((await page.locator('#phone-error').textContent())!.length).toBeGreaterThan(3);
      expect(await page.locator('#email-error').count()).toBe(0);
      expect(await page.locator('form [role="status"]').textContent()).toContain('Not saved');
      await expectAccessible(page);
      await screenshot(page, 'citizen-settings-invalid', 'en');
      await page.locator('#phone').fill('+84912345678');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('form [role="status"]', { hasText: 'Settings saved.' }).waitFor(POLL);
      expect(await page.locator('#phone-error').count()).toBe(0);
      const saved = await app.api.request('GET', '/v1/me/preferences', { token });
      expect(saved.body).toMatchObject({ phone: '+84912345678', channels: { sms: true } });
      await page.context().close();
    });

    it('"already reported?": using my location lists the open public report nearby; following it is kept, and the report’s link opens it', async () => {
      const owner = await app.api.token({ sub: 'nearby-owner', groups: ['citizen'] });
      const made = await ticket(owner, { category: 'lighting_power', title: 'Đèn đường ngõ 5 tắt', description: 'Đèn đường ngõ 5 phố Phúc Xá tắt cả tuần.', location: { wardCode: '00004', ...PHUC_XA } });
      const near = `/v1/tickets/nearby?lat=${PHUC_XA.lat}&lng=${PHUC_XA.lng}&radius=250`;
      await expect.poll(async () => JSON.stringify((await app.api.request('GET', near)).body), POLL).toContain(made.id);

      const { page, context } = await citizen({ viewport: 'phone' });
      await context.grantPermissions(['geolocation']);
      await context.setGeolocation({ latitude: PHUC_XA.lat + 0.0002, longitude: PHUC_XA.lng });
      await page.goto('/report');
      await page.locator('input[name="category"][value="lighting_power"]').check();
      await page.locator('button[type="submit"]').click();
      await page.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
      const item = page.locator(`li[data-nearby="${made.id}"]`);
      await item.waitFor(POLL);
      expect(await item.textContent()).toContain('Đèn đường ngõ 5 tắt');
      await expectAccessible(page);
      await item.getByRole('button', { name: 'Theo dõi phản ánh này' }).click();
      await page.locator('.nearby [role="status"]', { hasText: made.ref }).waitFor(POLL);
      expect(await followersOf(made.id)).toBe(1);
      expect(await item.textContent()).toContain('1 người theo dõi');
      await expectAccessible(page);
      await screenshot(page, 'citizen-already-reported', 'vi');
      await item.getByRole('link').click();
      await page.locator('.public-ticket h1', { hasText: 'Đèn đường ngõ 5' }).waitFor(POLL);
      // The follow made on the report screen is what the report's page shows.
      await page.getByRole('button', { name: 'Bỏ theo dõi' }).waitFor();
      await page.context().close();
    });

    it('outbox: a report kept offline can be discarded, and is then never sent', async () => {
      const { page, token, context } = await citizen({ viewport: 'phone' });
      await page.goto('/');
      await expect.poll(() => page.evaluate(() => localStorage.getItem('civic-feedback.cache.ref.areas.001')), POLL).toMatch(/00004/);
      await context.setOffline(true);
      await page.getByRole('link', { name: 'Gửi phản ánh mới' }).click();
      await page.locator('input[name="category"][value="environment"]').check();
      await page.locator('button[type="submit"]').click();
      await page.locator('select[data-level="district"]').selectOption('001');
      await page.locator('select[data-level="ward"]').selectOption('00004');
      await page.locator('button[type="submit"]').click();
      const description = 'Nhầm: rác đã được thu gom sáng nay, không cần phản ánh nữa.';
      await page.locator('#description').fill(description);
      for (let i = 0; i < 3; i++) await page.locator('button[type="submit"]').click();
      await page.locator('input[name="consent"]').check();
      await page.locator('button.send').click();
      await page.locator('.outcome h1', { hasText: 'Đã lưu trên máy' }).waitFor(POLL);
      await page.getByRole('link', { name: 'Của tôi' }).first().click();
      const entry = page.locator('.outbox li', { hasText: description.slice(0, 30) });
      await entry.waitFor(POLL);
      await entry.getByRole('button', { name: 'Bỏ phản ánh này' }).click();
      await page.locator('.outbox').waitFor({ state: 'detached', timeout: 10_000 });
      await expectAccessible(page);
      // The test's tsconfig has no DOM types: the page's indexedDB, as far as this test reads it.
      type Request<T> = { result: T; error: unknown; onsuccess: () => void; onerror: () => void };
      type IDB = { open(name: string): Request<{ transaction(store: string): { objectStore(store: string): { count(): Request<number> } } }> };
      const kept = await page.evaluate(
        () =>
          new Promise<number>((ok, fail) => {
            const req = (globalThis as unknown as { indexedDB: IDB }).indexedDB.open('civic-feedback');
            req.onsuccess = () => {
              const all = req.result.transaction('outbox').objectStore('outbox').count();
              all.onsuccess = () => ok(all.result);
            };
            req.onerror = () => fail(req.error);
          }),
      );
      expect(kept).toBe(0);
      await context.setOffline(false);
      await page.reload();
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(1_500);
      const mine = await app.api.request('GET', '/v1/me/tickets?limit=50', { token });
      expect(mine.body.items).toEqual([]);
      await page.context().close();
    });

    it('a draft keeps its text, step and photos across a reload, with the same Idempotency-Key', async () => {
      const { page } = await citizen({ viewport: 'phone' });
      await page.goto('/report');
      await page.locator('input[name="category"][value="roads_traffic"]').check();
      await page.locator('button[type="submit"]').click();
      await page.locator('select[data-level="district"]').selectOption('001');
      await page.locator('select[data-level="ward"]').selectOption('00004');
      await page.locator('#address').fill('Ngõ 9 Phúc Xá');
      await page.locator('button[type="submit"]').click();
      const description = 'Ổ gà sâu giữa ngõ 9, xe đạp đã ngã hai lần.';
      await page.locator('#description').fill(description);
      await page.locator('#title').fill('Ổ gà ngõ 9');
      await page.locator('button[type="submit"]').click();
      await page.locator('#report-step', { hasText: 'Bước 4/6' }).waitFor();
      const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#405060' } }).jpeg().toBuffer();
      await page.locator('#photos').setInputFiles({ name: 'pothole.jpg', mimeType: 'image/jpeg', buffer: photo });
      await page.locator('.thumbs img').waitFor(POLL);
      const key = await page.evaluate(() => JSON.parse(localStorage.getItem('civic-feedback.cache.me.draft')!).key as string);
      await page.reload();
      await page.locator('#report-step', { hasText: 'Bước 4/6' }).waitFor(POLL);
      // The photo too (IndexedDB), shrunk as it was.
      await page.locator('.thumbs img').waitFor(POLL);
      expect(await page.locator('.thumbs li').count()).toBe(1);
      // This file runs without the local S3: the report goes without its photo.
      await page.getByRole('button', { name: 'Xoá ảnh 1' }).click();
      await page.getByRole('button', { name: 'Quay lại' }).click();
      expect(await page.locator('#description').inputValue()).toBe(description);
      expect(await page.locator('#title').inputValue()).toBe('Ổ gà ngõ 9');
      await page.getByRole('button', { name: 'Quay lại' }).click();
      expect(await page.locator('#address').inputValue()).toBe('Ngõ 9 Phúc Xá');
      expect(await page.locator('select[data-level="ward"]').inputValue()).toBe('00004');
      await expectAccessible(page);
      const sent: string[] = [];
      page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/v1/tickets') && sent.push(r.headers()['idempotency-key'] ?? ''));
      for (let i = 0; i < 4; i++) await page.locator('button[type="submit"]').click();
      await page.locator('input[name="consent"]').check();
      await page.locator('button.send').click();
      await page.locator('.outcome .ref').waitFor(POLL);
      expect(sent).toEqual([key]);
      // Sent: the next visit starts a fresh draft.
      expect(await page.evaluate(() => localStorage.getItem('civic-feedback.cache.me.draft'))).toBeNull();
      await page.context().close();
    });

    it('signing out forgets the draft: the next person on the phone starts from nothing', async () => {
      const { page } = await citizen({ viewport: 'phone' });
      await page.goto('/report');
      await page.locator('input[name="category"][value="environment"]').check();
      await page.locator('button[type="submit"]').click();
      await page.locator('#report-step', { hasText: 'Bước 2/6' }).waitFor();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      expect(await page.evaluate(() => localStorage.getItem('civic-feedback.cache.me.draft'))).toBeNull();
      await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
      await page.locator('button[data-persona="citizen"]').click();
      await page.locator('main h1').first().waitFor();
      await page.getByRole('link', { name: 'Gửi phản ánh mới' }).click();
      await page.locator('#report-step', { hasText: 'Bước 1/6' }).waitFor(POLL);
      expect(await page.locator('input[name="category"]:checked').count()).toBe(0);
      await page.context().close();
    });

    it('a report rejected as a duplicate says so and links to the original, which the citizen now follows and can unfollow', async () => {
      const other = await app.api.token({ sub: 'duplicate-original-owner', groups: ['citizen'] });
      const original = await ticket(other, { title: 'Hồ sơ cấp phép chậm', description: 'Hồ sơ cấp phép xây dựng nộp ba tuần chưa có kết quả.' });
      const { page, token, sub } = await citizen({ viewport: 'phone' });
      const mine = await ticket(token, { description: 'Hồ sơ xin cấp phép xây nhà nộp từ tháng trước vẫn chưa có kết quả.' });
      await staffAct(mine.id, { action: 'reject', reasonCode: 'duplicate', message: 'Trùng với phản ánh đang xử lý.', duplicateOf: original.id });
      // The merge (a stream consumer) makes the citizen a follower of the original.
      await expect.poll(() => followersOf(original.id), POLL).toBe(1);

      await page.goto(`/reports/${mine.id}`);
      const card = page.locator('.rejection');
      await card.waitFor(POLL);
      expect(await card.textContent()).toContain('Trùng với phản ánh đang xử lý.');
      await expectAccessible(page);
      await screenshot(page, 'citizen-duplicate', 'vi');
      await card.getByRole('link', { name: 'Xem phản ánh gốc' }).click();
      await page.locator('.public-ticket .ref', { hasText: original.ref }).waitFor(POLL);
      expect(await page.locator('.follow [role="status"]').textContent()).toContain('Bạn đang theo dõi');
      await page.getByRole('button', { name: 'Bỏ theo dõi' }).click();
      await page.locator('.follow [role="status"]', { hasText: 'Bạn đã bỏ theo dõi' }).waitFor(POLL);
      expect(await followersOf(original.id)).toBe(0);
      expect(sub).toMatch(/^web-citizen-/);
      await page.context().close();
    });

    it('download my data, then delete my account: a confirmation first, then the erasure followed to done and the phone signed out', async () => {
      const { page, token } = await citizen({ viewport: 'phone', name: 'Người Sẽ Xoá' });
      const made = await ticket(token, { description: 'Vỉa hè trước nhà số 3 bị lấn chiếm làm chỗ để xe.', visibility: 'private' });
      await page.goto('/');
      await page.getByRole('link', { name: 'Tài khoản và dữ liệu' }).click();
      await page.locator('h1', { hasText: 'Tài khoản và dữ liệu' }).waitFor(POLL);
      await expectAccessible(page);
      await screenshot(page, 'citizen-account-signed-in', 'vi');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải dữ liệu của tôi' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^civic-feedback-my-data-\d{4}-\d\d-\d\d\.json$/);
      const data = JSON.parse(await readFile((await file.path())!, 'utf8'));
      expect(data.tickets.map((x: { ticket: { id: string } }) => x.ticket.id)).toEqual([made.id]);
      await page.locator('[role="status"]', { hasText: 'Đã tải tệp: 1 phản ánh' }).waitFor();

      await page.getByRole('button', { name: 'Xoá tài khoản…' }).click();
      await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('đánh dấu ô xác nhận');
      // Nothing was asked of the API yet.
      expect((await app.api.request('GET', `/v1/tickets/${made.id}`, { token })).status).toBe(200);
      await expectAccessible(page);
      await screenshot(page, 'citizen-account-confirm', 'vi');
      await page.locator('input[name="confirm-erasure"]').check();
      await page.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
      await page.locator('[data-erasure="done"]').waitFor({ timeout: 90_000 });
      expect(await page.locator('[data-erasure] [role="status"]').textContent()).toContain('đã được xoá');
      await expectAccessible(page);
      await screenshot(page, 'citizen-account-erased', 'vi');
      expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION)).toBeNull();
      expect(await page.getByRole('link', { name: 'Đăng nhập' }).count()).toBeGreaterThan(0);
      // The API agrees: the ticket is no longer this person's to read.
      expect((await app.api.request('GET', `/v1/tickets/${made.id}`, { token })).status).toBe(404);
      await page.context().close();
    });

    it('the inbox reloads when the app regains focus: an answer that arrived meanwhile shows without leaving the screen', async () => {
      const { page, token } = await citizen({ viewport: 'phone', lang: 'en' });
      await page.goto('/inbox');
      await page.locator('main', { hasText: 'No notifications yet.' }).waitFor(POLL);
      const made = await ticket(token, { description: 'The one-stop desk lost my application form twice.' });
      await staffAct(made.id, { action: 'acknowledge' });
      await expect.poll(async () => JSON.stringify((await app.api.request('GET', '/v1/me/notifications?limit=50', { token })).body), { timeout: 60_000 }).toContain(made.id);
      await page.evaluate(() => (globalThis as unknown as { dispatchEvent(e: Event): boolean }).dispatchEvent(new Event('focus')));
      await page.locator(`.inbox li`, { hasText: made.ref }).first().waitFor(POLL);
      await page.context().close();
    });

    it('Cognito sign-in: authorization code with PKCE through the managed login, back at /signin/callback, signed in with the ID token', async () => {
      const authority = 'https://idp.example.test';
      const idToken = await app.api.token({ sub: 'cognito-citizen', groups: ['citizen'], name: 'Đặng Thị Cognito' });
      // No service worker: it would answer the callback's navigation itself, past the CSP below.
      const context: BrowserContext = await app.browser.newContext({ viewport: viewports.phone, baseURL: app.api.url, locale: 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh', serviceWorkers: 'block' });
      await context.addInitScript(() => localStorage.setItem('civic-feedback.lang', 'en'));
      // What a deployment's config.json and CSP say: sign in at Cognito, and the app may call it.
      await context.route(`${app.api.url}/**`, async (route) => {
        if (new URL(route.request().url()).pathname === '/config.json') return route.fulfill({ json: { apiBase: '', auth: { kind: 'cognito', authority, clientId: 'citizen-web' } } });
        if (route.request().resourceType() !== 'document') return route.continue();
        const res = await route.fetch();
        const headers = res.headers();
        headers['content-security-policy'] = headers['content-security-policy']!.replace("connect-src 'self'", `connect-src 'self' ${authority}`);
        return route.fulfill({ response: res, headers });
      });
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
      let challenge: string | undefined;
      let verifier: string | undefined;
      await context.route(`${authority}/**`, async (route) => {
        const req = route.request();
        const url = new URL(req.url());
        if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
        if (url.pathname === '/.well-known/openid-configuration') {
          return route.fulfill({ headers: cors, json: { issuer: authority, authorization_endpoint: `${authority}/oauth2/authorize`, token_endpoint: `${authority}/oauth2/token`, jwks_uri: `${authority}/.well-known/jwks.json`, response_types_supported: ['code'] } });
        }
        if (url.pathname === '/oauth2/authorize') {
          expect(url.searchParams.get('response_type')).toBe('code');
          expect(url.searchParams.get('code_challenge_method')).toBe('S256');
          challenge = url.searchParams.get('code_challenge') ?? undefined;
          const back = new URL(url.searchParams.get('redirect_uri')!);
          back.searchParams.set('code', 'the-code');
          back.searchParams.set('state', url.searchParams.get('state')!);
          // The managed login's page, signed in at once, sends the browser back (a new navigation, not a redirect, so the page's route sees it).
          return route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Login</title><meta http-equiv="refresh" content="0;url=${back.href}">` });
        }
        if (url.pathname === '/oauth2/token') {
          const form = new URLSearchParams(req.postData() ?? '');
          verifier = form.get('code_verifier') ?? undefined;
          const ok = form.get('code') === 'the-code' && form.get('grant_type') === 'authorization_code' && !!verifier && createHash('sha256').update(verifier).digest('base64url') === challenge;
          if (!ok) return route.fulfill({ status: 400, headers: cors, json: { error: 'invalid_grant' } });
          return route.fulfill({ headers: cors, json: { id_token: idToken, access_token: 'access', token_type: 'Bearer', expires_in: 3600 } });
        }
        return route.fulfill({ status: 404, headers: cors, body: '' });
      });
      const page = await context.newPage();
      await page.goto('/signin');
      await expectAccessible(page);
      await page.getByRole('button', { name: /Cognito|sign in/i }).click();
      await page.waitForURL((u) => u.pathname === '/', POLL);
      await page.locator('main', { hasText: 'Hello, Đặng Thị Cognito.' }).waitFor(POLL);
      expect(challenge).toMatch(/^[\w-]{43}$/);
      expect(verifier).toBeTruthy();
      expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION)).toBe(idToken);
      // The token works against the API: the app's own calls are authorised.
      await page.getByRole('link', { name: 'My reports', exact: true }).click();
      await page.locator('main', { hasText: 'You have not sent any reports yet.' }).waitFor(POLL);
      await context.close();
    });
  },
  { s3: false },
);
