/**
 * Response templates in the staff's forms, through the real local runtime: choosing one puts
 * its text into the form in the ticket's language (what the citizen wrote in), whatever the
 * console's language; the officer may switch it, edit it and send it, and the citizen reads it.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoResponseTemplates } from '../../shared/reference/response-templates.js';
import { consoleAs, describeWeb, expectAccessible, screenshot, tokenFor, type WebApp } from './support/browser.js';

const template = (id: string) => demoResponseTemplates.find((t) => t.id === id)!;

/** A ticket at the district desk, acknowledged, so the answer form is open. */
async function acknowledgedTicket(app: WebApp, text: { title: string; description: string }) {
  const citizen = await tokenFor(app, 'citizen');
  const staff = await tokenFor(app, 'district-staff');
  const made = await app.api.request('POST', '/v1/tickets', { token: citizen.token, body: { category: 'admin_procedures', ...text, location: { wardCode: '00004' } } });
  expect(made.status).toBe(201);
  const ack = await app.api.request('POST', `/v1/tickets/${made.body.id}/actions`, { token: staff.token, body: { action: 'acknowledge', expectedVersion: made.body.version } });
  expect(ack.status).toBe(200);
  return { id: made.body.id as string, citizen: citizen.token };
}

async function insert(page: Page, kind: 'respond' | 'request_info', id: string) {
  await page.locator(`#tpl-${kind}`).selectOption(id);
  await page.locator(`form[data-form="${kind}"] .template-picker button`).click();
}

describeWeb('console response templates', (app) => {
  it('a Vietnamese report, console in English: the template goes in in Vietnamese, is edited and sent; the citizen reads it', async () => {
    const ticket = await acknowledgedTicket(app, { title: 'Hỏi thủ tục cấp giấy phép', description: 'Xin hỏi thủ tục cấp giấy phép sửa chữa nhà ở trong ngõ.' });
    const page = await consoleAs(app, 'district-staff', { lang: 'en' });
    await page.goto(`/console/tickets/${ticket.id}`);
    await page.locator('form[data-form="respond"]').waitFor();
    expect(await page.locator('#tpl-respond-lang').inputValue()).toBe('vi');
    await insert(page, 'respond', 'any-scheduled');
    const inserted = await page.locator('#f-respond').inputValue();
    expect(inserted).toBe(template('any-scheduled').body.vi);
    const answer = inserted.replace('…', '20/12');
    await page.locator('#f-respond').fill(answer);
    await expectAccessible(page);
    await page.locator('form[data-form="respond"] .template-picker').scrollIntoViewIfNeeded();
    await screenshot(page, 'console-answer-template', 'en');
    await page.locator('form[data-form="respond"] button[type="submit"]').click();
    await page.getByRole('status').filter({ hasText: 'Saved: Answer' }).waitFor();
    const seen = await app.api.request('GET', `/v1/tickets/${ticket.id}`, { token: ticket.citizen });
    expect(seen.body).toMatchObject({ status: 'responded', response: { message: answer } });
    await page.context().close();
  });

  it('an English report, console in Vietnamese: the template goes in in English; switching the language puts the Vietnamese text in', async () => {
    const ticket = await acknowledgedTicket(app, { title: 'Building permit question', description: 'Please tell me how to apply for a permit to repair my house in the lane.' });
    const page = await consoleAs(app, 'district-staff', { lang: 'vi' });
    await page.goto(`/console/tickets/${ticket.id}`);
    await page.locator('form[data-form="respond"]').waitFor();
    expect(await page.locator('#tpl-respond-lang').inputValue()).toBe('en');
    await insert(page, 'respond', 'any-scheduled');
    expect(await page.locator('#f-respond').inputValue()).toBe(template('any-scheduled').body.en);
    await page.locator('#tpl-respond-lang').selectOption('vi');
    await page.locator('form[data-form="respond"] .template-picker button').click();
    expect(await page.locator('#f-respond').inputValue()).toBe(template('any-scheduled').body.vi);
    await expectAccessible(page);
    await screenshot(page, 'console-answer-template', 'vi');

    // The question form offers its own kind of template, in the ticket's language too.
    await page.locator('button[data-action="request_info"]').click();
    expect(await page.locator('#tpl-request_info-lang').inputValue()).toBe('en');
    const options = await page.locator('#tpl-request_info option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    expect(options).toEqual(expect.arrayContaining(demoResponseTemplates.filter((t) => t.kind === 'request_info' && (t.category === '*' || t.category === 'admin_procedures')).map((t) => t.id)));
    expect(options).not.toContain('any-scheduled');
    await insert(page, 'request_info', 'any-ask-location');
    expect(await page.locator('#f-request_info').inputValue()).toBe(template('any-ask-location').body.en);
    await page.context().close();
  });
});
