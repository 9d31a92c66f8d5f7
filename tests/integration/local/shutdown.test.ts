/**
 * SIGTERM to `npm start` drains: it stops accepting at once, lets requests in flight finish
 * (bounded), then stops the stream poller and DynamoDB Local, and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../local/free-port.js';

const root = resolve(import.meta.dirname, '../../..');
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

const portOpen = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });

/** A POST whose headers are sent now and whose body is sent when `finish` is called. */
function slowPost(port: number, path: string, headers: Record<string, string>, body: string) {
  const bytes = Buffer.from(body);
  const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(bytes.length) } });
  const answer = new Promise<{ status: number; body: string }>((ok, fail) => {
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
  });
  req.write(bytes.subarray(0, 10));
  req.flushHeaders();
  return { answer, finish: () => req.end(bytes.subarray(10)) };
}

describe('SIGTERM of the local runtime', () => {
  it('finishes requests in flight, refuses new ones, then stops DynamoDB Local and exits 0', async () => {
    // PORT=0: the runtime takes a port the kernel gives it and prints it. A port picked free here
    // and handed over can be taken by another test's connection while DynamoDB Local starts.
    const dynamodbPort = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', S3_PORT: '0', DYNAMODB_PORT: String(dynamodbPort), IN_MEMORY: '1', SEED_DEMO: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'cf-shutdown-')), SHUTDOWN_DRAIN_MS: '15000', DYNAMODB_START_TIMEOUT_MS: '100000' };
    delete env.AWS_ENDPOINT_URL_DYNAMODB;
    // node itself (not the tsx wrapper), so the signal reaches the runtime's own process.
    const proc = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (c) => (output += c));
    proc.stderr!.on('data', (c) => (output += c));
    const exited = new Promise<number | null>((ok) => proc.once('exit', (code) => ok(code)));
    await new Promise<void>((ok, fail) => {
      const timer = setInterval(() => {
        if (/is running on http:\S+\n/.test(output)) ok(clearInterval(timer));
        if (proc.exitCode !== null) fail(new Error(output));
      }, 100);
    });
    const url = /is running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
    const port = Number(new URL(url).port);
    const { token } = (await (await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: 'drain-citizen', groups: ['citizen'] }) })).json()) as { token: string };
    const ticket = JSON.stringify({ category: 'environment', description: 'Rác thải ùn ứ ở đầu ngõ 5', location: { wardCode: '00004' } });

    // Once, so the handler module is loaded before the clock of the drain runs.
    expect((await fetch(`${url}/v1/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: ticket })).status).toBe(201);
    const inFlight = [0, 1, 2].map(() => slowPost(port, '/v1/tickets', { authorization: `Bearer ${token}` }, ticket));
    const stalled = slowPost(port, '/v1/tickets', { authorization: `Bearer ${token}` }, ticket);
    stalled.answer.catch(() => undefined);
    // Long enough for a loaded machine to have parsed their headers: from then on they are in flight.
    await new Promise((ok) => setTimeout(ok, 1500));
    const signalled = Date.now();
    proc.kill('SIGTERM');
    await new Promise((ok) => setTimeout(ok, 300));

    expect(await portOpen(port), 'a new connection after SIGTERM').toBe(false);
    for (const r of inFlight) r.finish();
    for (const { answer } of inFlight) {
      const res = await answer.catch((error: Error) => ({ status: 0, body: String(error) }));
      expect(res.status, `${res.body}\n${output}`).toBe(201);
    }
    expect(await exited).toBe(0);
    // The stalled request was cut at the drain bound (15 s here), not waited for forever.
    expect(Date.now() - signalled).toBeLessThan(40_000);
    // cut by the runtime, not answered late: the socket is reset with no response
    await expect(stalled.answer).rejects.toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' });
    expect(await portOpen(dynamodbPort), 'DynamoDB Local after exit').toBe(false);
  }, 400_000);
});
