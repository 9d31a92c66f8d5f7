/** Open311 client keys (shared/app/open311-clients.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { authenticateClient, putClient, revokeClient } from '../../../shared/app/open311-clients.js';
import { NotFoundError } from '../../../shared/domain/errors.js';
import { Open311Error } from '../../../shared/domain/open311.js';
import { memoryDependencies, memoryOpen311 } from '../../support/memory.js';

describe('Open311 clients', () => {
  it('shows the key once, keeps only its hash, and the key names its client', async () => {
    const deps = memoryOpen311(memoryDependencies());
    const { client, key, created } = await putClient(deps, 'zalo-bot', { name: 'Zalo bot' });
    expect(created).toBe(true);
    expect(key).toMatch(/^zalo-bot\.[A-Za-z0-9_-]{43}$/);
    expect(client).toEqual({ id: 'zalo-bot', name: 'Zalo bot', rateLimitPerMinute: 30, status: 'active', createdAt: '2026-12-02T03:00:00.000Z', updatedAt: '2026-12-02T03:00:00.000Z' });
    const stored = (await deps.open311Clients.get('zalo-bot'))!;
    expect(JSON.stringify(stored)).not.toContain(key.split('.')[1]);
    expect((await authenticateClient(deps, key)).id).toBe('zalo-bot');
  });

  it('a new PUT issues a new key and the old one stops working; creation time is kept', async () => {
    const deps = memoryOpen311(memoryDependencies());
    const first = await putClient(deps, 'zalo-bot', { name: 'Zalo bot' });
    deps.clock.advance(60_000);
    const second = await putClient(deps, 'zalo-bot', { name: 'Zalo bot', rateLimitPerMinute: 5 });
    expect(second.created).toBe(false);
    expect(second.client).toMatchObject({ createdAt: '2026-12-02T03:00:00.000Z', updatedAt: '2026-12-02T03:01:00.000Z', rateLimitPerMinute: 5 });
    await expect(authenticateClient(deps, first.key)).rejects.toBeInstanceOf(Open311Error);
    expect((await authenticateClient(deps, second.key)).id).toBe('zalo-bot');
  });

  it('a revoked key, a forged one and one naming no client are all the same 403', async () => {
    const deps = memoryOpen311(memoryDependencies());
    const { key } = await putClient(deps, 'zalo-bot', { name: 'Zalo bot' });
    for (const bad of [`${key}x`, 'other.abc', 'no-dot', `../${key}`]) {
      await expect(authenticateClient(deps, bad), bad).rejects.toMatchObject({ code: 403, description: 'Invalid api_key.' });
    }
    await revokeClient(deps, 'zalo-bot');
    await revokeClient(deps, 'zalo-bot');
    await expect(authenticateClient(deps, key)).rejects.toMatchObject({ code: 403, description: 'Invalid api_key.' });
    expect(await deps.open311Clients.get('zalo-bot')).toMatchObject({ status: 'revoked', revokedAt: '2026-12-02T03:00:00.000Z' });
    await expect(revokeClient(deps, 'never')).rejects.toBeInstanceOf(NotFoundError);
  });
});
