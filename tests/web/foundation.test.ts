/** The web foundation: both apps served on the API's origin, dev sign-in with the demo personas, vi/en. */
import { expect, it } from 'vitest';
import { axeViolations, describeWeb, screenshot, signInAs } from './support/browser.js';

describeWeb('web foundation', (app) => {
  it('serves the citizen app at /, the console under /console/ with an SPA fallback, config.json, and leaves API paths to the API', async () => {
    const home = await fetch(`${app.api.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toContain('<div id="app">');
    const deep = await fetch(`${app.api.url}/console/tickets/01ABC`);
    expect(await deep.text()).toMatch(/<title>[^<]*Bảng điều khiển/);
    expect(deep.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await (await fetch(`${app.api.url}/config.json`)).json()).toEqual({ apiBase: '', auth: { kind: 'dev' } });
    const unknownApi = await fetch(`${app.api.url}/v1/nothing-here`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${app.api.url}/assets/missing.js`)).status).toBe(404);
  });

  it('lists the demo personas (every role) whose claims mint working tokens', async () => {
    const { items } = (await (await fetch(`${app.api.url}/dev/personas`)).json()) as { items: { id: string; claims: { groups: string[]; departmentId?: string } }[] };
    expect(items.map((p) => p.id)).toEqual(['citizen', 'ward-staff', 'district-staff', 'city-staff', 'district-manager', 'city-manager', 'admin']);
    const ward = items.find((p) => p.id === 'ward-staff')!;
    const { token } = (await (await fetch(`${app.api.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ward.claims) })).json()) as { token: string };
    const queue = await app.api.request('GET', `/v1/departments/${ward.claims.departmentId}/tickets`, { token });
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(0);
  });

  it('opens in Vietnamese, switches to English and remembers it across a reload', async () => {
    const context = await app.context({ lang: 'vi' });
    const page = await context.newPage();
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Phản ánh tới chính quyền');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('button', { name: /EN/ }).click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Report to your local government');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Report to your local government');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  for (const lang of ['vi', 'en'] as const) {
    for (const viewport of ['desktop', 'phone'] as const) {
      it(`citizen sign-in (${lang}, ${viewport}): the citizen persona signs in; 0 axe violations`, async () => {
        const context = await app.context({ lang, viewport });
        const page = await context.newPage();
        await page.goto('/signin');
        await page.locator('button[data-persona="citizen"]').waitFor();
        expect(await page.locator('button[data-persona]').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'citizen-signin', lang);
        await signInAs(page, 'citizen');
        await expect.poll(() => page.locator('main').textContent(), { timeout: 20_000 }).toContain('Nguyễn Văn An');
        await expect.poll(() => page.evaluate(() => sessionStorage.getItem('civic-feedback.session')), { timeout: 20_000 }).toMatch(/^ey/);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'citizen-home', lang);
        await context.close();
      });

      it(`console sign-in (${lang}, ${viewport}): lists the staff, manager and admin personas; 0 axe violations`, async () => {
        const context = await app.context({ lang, viewport });
        const page = await context.newPage();
        await page.goto('/console/');
        await page.locator('button[data-persona="ward-staff"]').waitFor();
        expect(await page.locator('button[data-persona]').count()).toBe(6);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'console-signin', lang);
        await context.close();
      });
    }
  }
});
