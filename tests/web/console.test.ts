/**
 * The console through the real local runtime and the local S3 server: ward staff work the demo
 * ticket from the queue to the answer, with an evidence photo, that the citizen sees; a concurrent change is a 409 that keeps the typed text; a
 * manager's tiles equal GET /v1/metrics; an admin's rule edit moves the preview.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { phonePhoto } from '../support/uploads.js';
import { consoleAs, describeWeb, expectAccessible, screenshot, tabTo, tokenFor } from './support/browser.js';

const ANSWER = 'Đơn vị đã cử người thu gom rác tại đầu ngõ 15 sáng nay, xin cảm ơn ông đã phản ánh.';

describeWeb('console', (app) => {
  it('ward staff: sign in → queue (time left in working hours) → the demo ticket → acknowledge → answer with an evidence photo, shrunk and stripped in the browser; the citizen sees the answer and the photo', async () => {
    const page = await consoleAs(app, 'ward-staff');
    await page.waitForURL(/\/console\/queue/);
    const row = page.locator('tr', { hasText: 'Rác thải tồn đọng' });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toMatch(/(còn|quá hạn) .*(giờ|phút)|vừa quá hạn/);
    expect(await row.locator('.ref').textContent()).toMatch(/^HN-\d{6}-\d{4}$/);
    await expectAccessible(page);
    await screenshot(page, 'console-queue', 'vi');
    await row.getByRole('link').click();
    await page.locator('h1', { hasText: 'Rác thải tồn đọng' }).waitFor();
    const ticketId = page.url().split('/').pop()!;
    await expectAccessible(page);

    await page.locator('form[data-form="acknowledge"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu: Tiếp nhận' }).waitFor();
    await page.locator('.chip', { hasText: 'Đang xử lý' }).waitFor();
    await page.locator('#f-respond').fill(ANSWER);
    // The category requires evidence: no photo, no sending.
    expect(await page.locator('form[data-form="respond"]').textContent()).toContain('yêu cầu ảnh minh chứng');
    expect(await page.locator('form[data-form="respond"] button[type="submit"]').isDisabled()).toBe(true);

    // A phone photo: 3000 × 2000 stored sideways (EXIF orientation 6) with GPS and a camera serial.
    const original = await phonePhoto();
    const grants: { contentType: string; size: number }[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/v1/uploads')) grants.push(req.postDataJSON());
    });
    // What the page hands to S3 (DevTools does not expose a multipart body's file part): the `file` of each FormData it posts.
    await page.evaluate(() => {
      const w = globalThis as unknown as { __sent: string[]; fetch: typeof fetch };
      const original = w.fetch.bind(globalThis);
      w.__sent = [];
      w.fetch = async (input, init) => {
        const file = init?.body instanceof FormData ? init.body.get('file') : null;
        if (file instanceof Blob) {
          const bytes = new Uint8Array(await file.arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
          w.__sent.push(text);
        }
        return original(input, init);
      };
    });
    await page.locator('#f-evidence').setInputFiles({ name: 'hien-truong.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.locator('.evidence-list li[data-state="ready"] img').waitFor({ timeout: 60_000 });
    expect(grants).toEqual([{ purpose: 'evidence', contentType: 'image/jpeg', size: expect.any(Number) }]);
    const sentFiles = await page.evaluate(() => (globalThis as unknown as { __sent: string[] }).__sent);
    expect(sentFiles).toHaveLength(1);
    const sent = await sharp(Buffer.from(sentFiles[0]!, 'latin1')).metadata();
    // Upright, at most 2048 px, and without the EXIF block (no GPS, no serial) before it left the browser.
    expect({ width: sent.width, height: sent.height, exif: sent.exif, orientation: sent.orientation }).toEqual({ width: 1365, height: 2048, exif: undefined, orientation: undefined });
    expect(grants[0]!.size).toBeLessThan(original.length);
    await expectAccessible(page);
    await page.locator('.evidence-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'console-answer-evidence', 'vi');
    await page.locator('form[data-form="respond"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu: Trả lời' }).waitFor();
    await page.locator('#resp-h ~ .photos img').waitFor();

    const citizen = await app.api.token({ sub: 'demo-citizen', groups: ['citizen'] });
    const seen = await app.api.request('GET', `/v1/tickets/${ticketId}`, { token: citizen });
    expect(seen.body).toMatchObject({ status: 'responded', response: { message: ANSWER, photos: [{ width: 1365, height: 2048 }] } });
    const photo = await fetch(seen.body.response.photos[0].url);
    expect(photo.status).toBe(200);
    expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).width).toBe(1365);
    await page.context().close();
  });

  it('district staff: the queue → a ticket → acknowledge → answer; the citizen sees the answer', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', title: 'Hồ sơ chứng thực chậm', description: 'Hồ sơ chứng thực nộp từ tuần trước vẫn chưa có kết quả.', location: { wardCode: '00004' } } });
    expect(made.body.departmentId).toBe('district-001');
    const page = await consoleAs(app, 'district-staff');
    await page.waitForURL(/\/console\/queue/);
    await page.locator('tr', { hasText: 'Hồ sơ chứng thực chậm' }).getByRole('link').click();
    await page.locator('h1', { hasText: 'Hồ sơ chứng thực chậm' }).waitFor();
    await page.locator('form[data-form="acknowledge"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu: Tiếp nhận' }).waitFor();
    // A prepared answer, inserted and then edited before sending.
    await page.locator('#tpl-respond').selectOption('any-scheduled');
    await page.getByRole('button', { name: 'Chèn mẫu' }).click();
    const inserted = await page.locator('#f-respond').inputValue();
    expect(inserted).toMatch(/^Đơn vị đã tiếp nhận và lên kế hoạch xử lý/);
    const answer = inserted.replace('…', '15/12');
    await page.locator('#f-respond').fill(answer);
    await expectAccessible(page);
    await screenshot(page, 'console-answer-form', 'vi');
    await page.locator('form[data-form="respond"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu: Trả lời' }).waitFor();
    await page.locator('.chip', { hasText: 'Đã trả lời' }).waitFor();

    const seen = await app.api.request('GET', `/v1/tickets/${made.body.id}`, { token: citizen.token });
    expect(seen.body).toMatchObject({ status: 'responded', response: { message: answer } });
    expect(await page.locator('h1').textContent()).toContain(made.body.ref);
    await page.context().close();
  });

  it('a 409 on a concurrent answer shows what changed, keeps the typed text and sends on the new version', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const staff = await tokenFor(app, 'district-staff');
    const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', description: 'Xin hướng dẫn thủ tục cấp phép sửa chữa nhà ở ngõ 7.', location: { wardCode: '00004' } } });
    expect(made.body.departmentId).toBe(staff.persona.claims.departmentId);
    await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff.token, body: { action: 'acknowledge', expectedVersion: made.body.version } });

    const page = await consoleAs(app, 'district-staff');
    await page.goto(`/console/tickets/${made.body.id}`);
    await page.locator('button[data-action="respond"]').click();
    const text = 'Ông vui lòng mang giấy tờ nhà đến bộ phận một cửa của quận vào giờ hành chính.';
    await page.locator('#f-respond').fill(text);
    // Meanwhile a colleague changes the ticket.
    const now = await app.api.request('GET', `/v1/tickets/${made.body.id}`, { token: staff.token });
    await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff.token, body: { action: 'set_severity', severity: 'urgent', expectedVersion: now.body.version } });

    await page.locator('form[data-form="respond"] button[type="submit"]').click();
    const conflict = page.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Mức độ: Thường → Khẩn');
    expect(await page.locator('#f-respond').inputValue()).toBe(text);
    await expectAccessible(page);
    await screenshot(page, 'console-conflict', 'vi');
    await conflict.getByRole('button', { name: 'Gửi lại trên phiên bản mới' }).click();
    await page.locator('.chip', { hasText: 'Đã trả lời' }).waitFor();
    const after = await app.api.request('GET', `/v1/tickets/${made.body.id}`, { token: staff.token });
    expect(after.body).toMatchObject({ status: 'responded', severity: 'urgent', response: { message: text } });
    await page.context().close();
  });

  it('keyboard only: search the queue, open a ticket, acknowledge and answer', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', title: 'Cây đổ chắn lối đi', description: 'Xin hỏi thủ tục xin chặt cây đổ trước cửa nhà.', location: { wardCode: '00004' } } });
    const page = await consoleAs(app, 'district-staff');
    await page.waitForURL(/\/console\/queue/);
    await tabTo(page, '#f-search');
    await page.keyboard.type(made.body.ref);
    await page.locator('tbody tr').filter({ hasText: 'Cây đổ chắn lối đi' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    await tabTo(page, 'a.ticket-link');
    await page.keyboard.press('Enter');
    await page.locator('h1', { hasText: 'Cây đổ chắn lối đi' }).waitFor();
    await tabTo(page, 'form[data-form="acknowledge"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('button[data-action="respond"]').waitFor();
    await tabTo(page, 'button[data-action="respond"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#f-respond');
    await page.keyboard.type('Ông nộp đơn tại bộ phận một cửa của quận, có kết quả trong ba ngày.');
    await tabTo(page, 'form[data-form="respond"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('.chip', { hasText: 'Đã trả lời' }).waitFor();
    await page.context().close();
  });

  it("a city manager's dashboard tiles equal GET /v1/metrics for the same scope and period", async () => {
    await app.api.streams.drain();
    const page = await consoleAs(app, 'city-manager');
    await page.waitForURL(/\/console\/dashboard/);
    const tile = page.locator('[data-kpi="received"]');
    await tile.waitFor();
    const range = await page.evaluate(() => {
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      return { from, to: today };
    });
    const { token } = await tokenFor(app, 'city-manager');
    const metrics = await app.api.request('GET', `/v1/metrics?scope=city&from=${range.from}&to=${range.to}&granularity=day`, { token });
    expect(metrics.body.totals.received).toBeGreaterThan(0);
    expect(Number(await tile.getAttribute('data-value'))).toBe(metrics.body.totals.received);
    expect(Number(await page.locator('[data-kpi="responseRate"]').getAttribute('data-value') || 'NaN')).toBe(metrics.body.totals.responseRate ?? Number.NaN);
    await page.locator('.chart canvas').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-dashboard-chart', 'vi');
    await page.getByRole('button', { name: 'Bảng' }).click();
    const rows = page.locator('#series-h ~ .scroll tbody tr, .scroll tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(metrics.body.series.length);
    await expectAccessible(page);
    await page.context().close();
  });

  it('an admin edits the rule that routes a ticket and the "where would this go?" preview changes', async () => {
    const page = await consoleAs(app, 'admin');
    await page.waitForURL(/\/console\/admin\/rules/);
    await page.locator('#p-cat').selectOption('environment');
    await page.locator('#p-ward').fill('00004');
    await page.getByRole('button', { name: 'Xem thử' }).click();
    const result = page.locator('.preview-result');
    await expect.poll(() => result.getAttribute('data-department'), { timeout: 20_000 }).toBe('ward-00004');
    const ruleId = (await result.textContent())!.match(/quy tắc (\S+)\)/)?.[1];
    expect(ruleId).toBeTruthy();
    await expectAccessible(page);
    await page.locator('#r-cat').selectOption('environment');
    await page.getByRole('button', { name: `Sửa ${ruleId}` }).click();
    await page.locator('#rf-dept-search').fill('Sở Tài nguyên');
    await page.locator('#rf-dept').selectOption('city-environment');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: `Đã lưu quy tắc ${ruleId}` }).waitFor();
    await expect.poll(() => result.getAttribute('data-department'), { timeout: 20_000 }).toBe('city-environment');
    await screenshot(page, 'console-rule-preview', 'vi');
    await page.context().close();
  });

  it('an admin creates, edits and deletes a response template, and the staff’s template list (GET /v1/response-templates) follows', async () => {
    const page = await consoleAs(app, 'admin', { lang: 'en' });
    await page.goto('/console/admin/templates');
    // The list has loaded (whatever another file's templates left in it): the test makes its own.
    await page.locator('table.templates').waitFor();
    await page.getByRole('button', { name: 'New template' }).click();
    await page.locator('#tf-id').fill('env-swept');
    await page.locator('#tf-cat').selectOption('admin_procedures');
    await page.locator('#tf-title-vi').fill('Đã hướng dẫn hồ sơ');
    await page.locator('#tf-title-en').fill('Paperwork explained');
    await page.locator('#tf-body-vi').fill('Quá ngắn');
    await page.locator('#tf-body-en').fill('Too short');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API's rule (respond texts ≥ 20 characters) comes back on the form, text intact.
    await page.locator('.template-form [role="alert"]').waitFor();
    expect(await page.locator('#tf-body-vi').inputValue()).toBe('Quá ngắn');
    await page.locator('#tf-body-vi').fill('Bộ phận một cửa đã hướng dẫn ông hoàn thiện hồ sơ theo quy định.');
    await page.locator('#tf-body-en').fill('The one-stop desk has explained how to complete the file.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Template env-swept saved.' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-admin-templates', 'en');
    await page.getByRole('button', { name: 'Edit env-swept' }).click();
    await page.locator('#tf-title-en').fill('Paperwork explained (desk)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('tr[data-template="env-swept"]', { hasText: 'Paperwork explained (desk)' }).waitFor();
    const { token } = await tokenFor(app, 'district-staff');
    const listed = await app.api.request('GET', '/v1/response-templates?category=admin_procedures&kind=respond&limit=100', { token });
    expect(listed.body.items.find((i: { id: string }) => i.id === 'env-swept')).toMatchObject({ category: 'admin_procedures', kind: 'respond', title: { en: 'Paperwork explained (desk)' } });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete env-swept' }).click();
    await page.getByRole('status').filter({ hasText: 'Template env-swept deleted.' }).waitFor();
    expect(await page.locator('tr[data-template="env-swept"]').count()).toBe(0);
    const after = await app.api.request('GET', '/v1/response-templates?category=admin_procedures&kind=respond&limit=100', { token });
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain('env-swept');
    await page.context().close();
  });

  it("a manager's per-ticket CSV follows the API's parts (Link rel=next) to the whole file", async () => {
    const page = await consoleAs(app, 'city-manager');
    await page.waitForURL(/\/console\/dashboard/);
    await page.locator('[data-kpi="received"]').waitFor();
    const range = await page.evaluate(() => {
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const from = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      return { from, to: today };
    });
    const { token } = await tokenFor(app, 'city-manager');
    const whole = await app.api.request('GET', `/v1/tickets/export.csv?scope=city&from=${range.from}&to=${range.to}`, { token });
    const rows = (whole.body as string).trim().split('\n');
    expect(rows.length).toBeGreaterThan(3);
    // Parts of two rows: the console must follow several Link headers.
    process.env.TICKET_EXPORT_MAX_ROWS = '2';
    try {
      const download = page.waitForEvent('download');
      await page.locator('button[data-export="tickets"]').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`tickets-city-${range.from}-${range.to}.csv`);
      const text = readFileSync((await file.path())!, 'utf8');
      expect(text.trim().split('\n')).toEqual(rows);
    } finally {
      delete process.env.TICKET_EXPORT_MAX_ROWS;
    }
    await page.context().close();
  });

  it('English counts take the plural form Intl.PluralRules gives: "1 ticket" (not "1 tickets"), "0 transfers, 0 reopens"', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', title: 'Plural check', description: 'Xin hỏi lịch tiếp công dân của quận trong tháng này.', location: { wardCode: '00004' } } });
    const page = await consoleAs(app, 'district-staff', { lang: 'en' });
    await page.waitForURL(/\/console\/queue/);
    await page.locator('#f-search').fill(made.body.ref);
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('.toolbar .hint').textContent(), { timeout: 20_000 }).toMatch(/^1 ticket\b(?!s)/);
    expect(await page.locator('tbody tr td').last().textContent()).toContain('0 transfers, 0 reopens');
    await page.context().close();
  });
}, { s3: true });
