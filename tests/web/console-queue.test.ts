/**
 * A big queue through the real local runtime: the console fetches every page (soonest due first)
 * but draws the 100 soonest due, with the rest one click away — a 2,000-ticket department's
 * queue drawn whole costs seconds of main-thread time (bench: `npm run bench -- web`).
 */
import { expect, it } from 'vitest';
import { consoleAs, describeWeb, expectAccessible, tokenFor } from './support/browser.js';

describeWeb('console queue of a busy department', (app) => {
  it('draws the 100 soonest due of 130+ tickets, says so, and shows the rest on request', async () => {
    const citizen = await tokenFor(app, 'citizen');
    const staff = await tokenFor(app, 'district-staff');
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < 130) {
          const i = next++;
          const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', description: `Hỏi thủ tục hành chính số ${i + 1} tại bộ phận một cửa.`, location: { wardCode: '00004' } } });
          expect(made.status).toBe(201);
        }
      }),
    );
    const queue: { dueAt: string; ref: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.api.request('GET', `/v1/departments/${staff.persona.claims.departmentId}/tickets?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: staff.token });
      queue.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(queue.length).toBeGreaterThanOrEqual(130);

    const page = await consoleAs(app, 'district-staff', { lang: 'en' });
    await page.waitForURL(/\/console\/queue/);
    const rows = page.locator('table.queue tbody tr');
    // The soonest due are drawn from the first page; the count settles once every page is in.
    await page.locator('.toolbar .hint[data-complete="true"]').waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(100);
    // The filters keep their size when the queue's wards fill the ward filter: the rows do not move.
    const widths = await page.locator('.filters select').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(new Set(widths).size, String(widths)).toBe(1);
    expect(await page.locator('#f-ward option').count()).toBeGreaterThan(1);
    expect(await page.locator('.toolbar .hint').first().textContent()).toMatch(new RegExp(`^${queue.length} tickets`));
    expect(await page.getByText('Showing the 100 soonest due.').count()).toBe(1);
    // The 100 drawn are the API's first 100, in its order (soonest due first).
    expect(await rows.locator('.ref').evaluateAll((els) => els.map((e) => e.textContent))).toEqual(queue.slice(0, 100).map((t) => t.ref));
    await expectAccessible(page);
    await page.getByRole('button', { name: `Show ${Math.min(100, queue.length - 100)} more` }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(Math.min(200, queue.length));
    if (queue.length <= 200) expect(await page.locator('button[data-more]').count()).toBe(0);
    await page.context().close();
  });
});
