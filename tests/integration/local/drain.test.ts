/** closeGracefully, the drain the runtime's stop() (SIGTERM) runs first: in-process, no DynamoDB needed. */
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createDevAuth } from '../../../local/dev-auth.js';
import { createDevRoutes } from '../../../local/dev-routes.js';
import { closeGracefully, createLocalServer } from '../../../local/server.js';

function slowPost(port: number, body: string) {
  const bytes = Buffer.from(body);
  const req = httpRequest({ host: '127.0.0.1', port, path: '/dev/token', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } });
  const answer = new Promise<number>((ok, fail) => {
    req.on('response', (res) => (res.resume(), res.on('end', () => ok(res.statusCode!))));
    req.on('error', fail);
  });
  req.write(bytes.subarray(0, 5));
  req.flushHeaders();
  return { answer, finish: () => req.end(bytes.subarray(5)) };
}

const refused = (port: number) => new Promise<boolean>((ok) => connect(port, '127.0.0.1').once('connect', function (this: any) { this.destroy(); ok(false); }).once('error', () => ok(true)));

describe('closeGracefully', () => {
  it('refuses new connections, finishes requests in flight, and cuts a stalled one at the bound', async () => {
    const auth = await createDevAuth();
    const server = createLocalServer({ auth, devRoutes: createDevRoutes({ auth }) });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    const body = JSON.stringify({ sub: 'drain', groups: ['citizen'] });
    const inFlight = [slowPost(port, body), slowPost(port, body)];
    const stalled = slowPost(port, body);
    await new Promise((ok) => setTimeout(ok, 500));
    const started = Date.now();
    const closing = closeGracefully(server, 2000);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(await refused(port)).toBe(true);
    for (const r of inFlight) r.finish();
    expect(await Promise.all(inFlight.map((r) => r.answer))).toEqual([200, 200]);
    await closing;
    // cut by the server, not answered late: the socket is reset with no response
    await expect(stalled.answer).rejects.toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
