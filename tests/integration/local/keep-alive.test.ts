/** The local server's keep-alive: in-process, no DynamoDB needed. */
import type { AddressInfo } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createDevAuth } from '../../../local/dev-auth.js';
import { createDevRoutes } from '../../../local/dev-routes.js';
import { closeGracefully, createLocalServer } from '../../../local/server.js';

function get(port: number, agent: Agent) {
  return new Promise<{ status: number; reused: boolean }>((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/v1/tickets/none', agent }, (res) => {
      res.resume();
      res.on('end', () => ok({ status: res.statusCode!, reused: req.reusedSocket }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the local server', () => {
  it('keeps an idle keep-alive connection open longer than clients do (about 5 s), so the client is the one to close it', async () => {
    const auth = await createDevAuth();
    const server = createLocalServer({ auth, devRoutes: createDevRoutes({ auth }) });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    // This client keeps its sockets longer than the server's: whichever closes first shows.
    const agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 60_000 });
    try {
      expect(await get(port, agent)).toEqual({ status: 401, reused: false });
      await new Promise((ok) => setTimeout(ok, 5_500));
      expect(await get(port, agent)).toEqual({ status: 401, reused: true });
    } finally {
      agent.destroy();
      await closeGracefully(server, 500);
    }
  }, 15_000);
});
