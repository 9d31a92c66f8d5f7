/**
 * Sign-in as on AWS: config.json names an OIDC authority (Cognito's managed login there; here a
 * small stand-in on a local port that speaks the same authorization code + PKCE exchange). The
 * console sends the officer to its authorize endpoint, takes the code back on
 * /console/signin/callback, trades it with the PKCE verifier for the ID token and works with that
 * token as the bearer against the real local API. The deployed CSP (which allows Cognito's
 * origins) is pinned in tests/infra; the stand-in's origin is not in the local one, hence bypassCSP.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWeb, expectAccessible, tokenFor, viewports } from './support/browser.js';

describeWeb('console Cognito sign-in', (app) => {
  let idp: Server;
  let issuer = '';
  let idToken = '';
  const seen: { authorize?: URLSearchParams; token?: URLSearchParams } = {};

  beforeAll(async () => {
    idToken = (await tokenFor(app, 'ward-staff')).token;
    idp = createServer((req, res) => {
      const url = new URL(req.url ?? '/', issuer);
      const cors = { 'access-control-allow-origin': app.api.url, 'access-control-allow-headers': 'content-type, authorization' };
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      const json = (body: unknown) => void res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/.well-known/openid-configuration') {
        return json({
          issuer,
          authorization_endpoint: `${issuer}/oauth2/authorize`,
          token_endpoint: `${issuer}/oauth2/token`,
          jwks_uri: `${issuer}/.well-known/jwks.json`,
          end_session_endpoint: `${issuer}/logout`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/oauth2/authorize') {
        seen.authorize = url.searchParams;
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.searchParams.set('code', 'code-from-managed-login');
        back.searchParams.set('state', url.searchParams.get('state')!);
        return void res.writeHead(302, { location: back.href }).end();
      }
      if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          seen.token = new URLSearchParams(body);
          json({ id_token: idToken, access_token: 'opaque-access-token', token_type: 'Bearer', expires_in: 3600 });
        });
        return;
      }
      res.writeHead(404, cors).end();
    });
    await new Promise<void>((ok) => idp.listen(0, '127.0.0.1', ok));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((ok) => (idp ? idp.close(() => ok()) : ok()));
  });

  it('managed login (code + PKCE): authorize → /console/signin/callback → token exchange → the queue, with the ID token as the bearer', async () => {
    const context = await app.browser.newContext({ baseURL: app.api.url, viewport: viewports.desktop, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
    await context.route('**/config.json', (route) => route.fulfill({ json: { apiBase: '', auth: { kind: 'cognito', authority: issuer, clientId: 'console-app-client' } } }));
    const page = await context.newPage();
    const bearers: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/departments/')) bearers.push(r.headers().authorization ?? '');
    });
    await page.goto('/console/');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản' }).click();
    await page.waitForURL(/\/console\/queue/);
    await page.locator('a.ticket-link').first().waitFor();

    const authorize = seen.authorize!;
    expect(Object.fromEntries([...authorize].filter(([k]) => ['client_id', 'redirect_uri', 'response_type', 'code_challenge_method'].includes(k)))).toEqual({
      client_id: 'console-app-client',
      redirect_uri: `${app.api.url}/console/signin/callback`,
      response_type: 'code',
      code_challenge_method: 'S256',
    });
    expect(authorize.get('scope')?.split(' ')).toContain('openid');
    const token = seen.token!;
    expect(token.get('grant_type')).toBe('authorization_code');
    expect(token.get('code')).toBe('code-from-managed-login');
    expect(token.get('redirect_uri')).toBe(`${app.api.url}/console/signin/callback`);
    // The verifier sent with the code is the one the challenge was made from.
    const verifier = token.get('code_verifier')!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize.get('code_challenge'));

    expect(bearers.length).toBeGreaterThan(0);
    expect(new Set(bearers)).toEqual(new Set([`Bearer ${idToken}`]));
    expect(await page.evaluate(() => sessionStorage.getItem('civic-feedback.session'))).toBe(idToken);
    expect(await page.locator('h1').textContent()).toMatch(/^Hàng đợi của /);
    await context.close();
  });

  it('a callback whose state was never issued is refused with a message, and no session', async () => {
    const context = await app.browser.newContext({ baseURL: app.api.url, viewport: viewports.desktop, locale: 'en-GB', bypassCSP: true });
    await context.addInitScript(() => localStorage.setItem('civic-feedback.lang', 'en'));
    await context.route('**/config.json', (route) => route.fulfill({ json: { apiBase: '', auth: { kind: 'cognito', authority: issuer, clientId: 'console-app-client' } } }));
    const page = await context.newPage();
    await page.goto('/console/signin/callback?code=forged&state=never-issued');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/state/i);
    expect(await page.evaluate(() => sessionStorage.getItem('civic-feedback.session'))).toBeNull();
    await context.close();
  });
});
