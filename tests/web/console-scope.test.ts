/**
 * A manager's scope claim in the console, read by the domain's one scope parser: a district
 * manager's dashboard names the district and offers no other scope, and the queue offers that
 * district's units only; a city manager may pick the city or any district.
 */
import { expect, it } from 'vitest';
import { consoleAs, describeWeb, tokenFor, type WebApp } from './support/browser.js';

interface Unit {
  id: string;
  kind: string;
  districtCode?: string;
  name: { vi: string; en: string };
}

async function allUnits(app: WebApp, token: string): Promise<Unit[]> {
  const units: Unit[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: Unit[]; nextCursor: string | null } } = await app.api.request('GET', `/v1/departments?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    units.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return units;
}

describeWeb('console: manager scopes', (app) => {
  it("a district manager's dashboard names the district and offers no other scope; the queue offers its units only", async () => {
    const { token, persona } = await tokenFor(app, 'district-manager');
    expect(persona.claims.scope).toBe('district-001');
    const units = await allUnits(app, token);
    const district = units.find((u) => u.id === 'district-001')!;
    const page = await consoleAs(app, 'district-manager');
    await page.waitForURL(/\/console\/dashboard/);
    const heading = page.locator('#dash-h');
    await expect.poll(() => heading.textContent()).toContain(district.name.vi.replace(/^UBND\s+/, ''));
    expect(await heading.textContent()).not.toContain('district-001');
    expect(await page.locator('#d-scope option').evaluateAll((os) => os.map((o) => o.getAttribute('value')))).toEqual(['district-001']);

    await page.goto('/console/queue');
    const options = page.locator('#f-unit option');
    await options.first().waitFor({ state: 'attached' });
    const offered = await options.evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    const inDistrict = units.filter((u) => u.districtCode === '001').map((u) => u.id);
    expect(inDistrict.length).toBeGreaterThan(1);
    expect(offered.sort()).toEqual(inDistrict.sort());
    await page.context().close();
  });

  it('a city manager may pick the city or any district', async () => {
    const { token } = await tokenFor(app, 'city-manager');
    const districts = (await allUnits(app, token)).filter((u) => u.kind === 'district' && u.districtCode).map((u) => `district-${u.districtCode}`);
    expect(districts.length).toBeGreaterThan(0);
    const page = await consoleAs(app, 'city-manager');
    await page.waitForURL(/\/console\/dashboard/);
    const options = page.locator('#d-scope option');
    await options.first().waitFor({ state: 'attached' });
    expect(await options.evaluateAll((os) => os.map((o) => o.getAttribute('value')))).toEqual(['city', ...districts]);
    await page.context().close();
  });
});
