/**
 * Requests Node's HTTP parser refuses before any handler runs still get a problem+json answer,
 * so every error a client of the local runtime sees has one shape.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevAuth } from '../../../local/dev-auth.js';
import { createLocalServer } from '../../../local/server.js';

let server: Server;
let port: number;

beforeAll(async () => {
  server = createLocalServer({ auth: await createDevAuth() });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }));

/** Sends raw bytes, returns status line, headers and body of the answer. */
function raw(bytes: Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    // The server may close while bytes it will never read are still on their way: a reset then
    // follows the answer, which has already arrived.
    socket.on('error', (error: NodeJS.ErrnoException) => error.code !== 'ECONNRESET' && error.code !== 'EPIPE' && reject(error));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const request = (line: string, headers: string[] = []) => Buffer.concat([Buffer.from(`${line}\r\nHost: localhost\r\n${headers.join('\r\n')}${headers.length ? '\r\n' : ''}\r\n`, 'latin1')]);

describe('errors the HTTP parser answers', () => {
  it.each([
    ['a control character in a header value', request('GET /health HTTP/1.1', ['X-Note: a\u0001b']), 400],
    ['raw non-ASCII bytes in the path', Buffer.concat([Buffer.from('GET /v1/tickets/'), Buffer.from([0xc3, 0xa9, 0xff]), Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n')]), 400],
    ['a 64 KB Authorization header', request('GET /v1/me/tickets HTTP/1.1', [`Authorization: Bearer ${'a'.repeat(64 * 1024)}`]), 431],
    ['a request line that is not HTTP', Buffer.from('HELLO\r\n\r\n'), 400],
  ])('%s is a problem+json %i', async (_name, bytes, status) => {
    const res = await raw(bytes);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers.connection).toBe('close');
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:civic-feedback:problem:/), title: expect.any(String), detail: expect.any(String) });
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  });

  it('still serves a well-formed request', async () => {
    const res = await raw(request('GET /health HTTP/1.1', ['Connection: close']));
    expect(res.status).toBe(200);
  });
});
