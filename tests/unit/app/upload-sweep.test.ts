/** Deleting uploads never attached (shared/app/upload-sweep.ts), in memory, at exact instants. */
import { describe, expect, it } from 'vitest';
import { sweepUploads } from '../../../shared/app/upload-sweep.js';
import { fullKey, incomingKey, thumbKey, type Upload } from '../../../shared/domain/upload.js';
import { memoryDependencies, type MemoryDependencies } from '../../support/memory.js';

async function upload(deps: MemoryDependencies, id: string, createdAt: string, status: Upload['status']) {
  await deps.uploads.create({ id, ownerId: 'c', purpose: 'ticket', contentType: 'image/jpeg', size: 10, status, createdAt, ...(status === 'ready' || status === 'attached' ? { format: 'jpeg', width: 1, height: 1 } : {}) });
  await deps.media.write(incomingKey(id), Buffer.from('x'), 'image/jpeg');
  if (status !== 'pending') {
    await deps.media.write(fullKey(id, 'jpeg'), Buffer.from('x'), 'image/jpeg');
    await deps.media.write(thumbKey(id, 'jpeg'), Buffer.from('x'), 'image/jpeg');
  }
}

describe('sweepUploads', () => {
  it('deletes uploads unattached for more than seven days, objects first; keeps attached and younger ones', async () => {
    const deps = memoryDependencies();
    const now = new Date('2026-12-10T12:00:00.000Z');
    await upload(deps, 'old-ready', '2026-12-03T11:59:59.999Z', 'ready');
    await upload(deps, 'old-pending', '2026-12-01T08:00:00.000Z', 'pending');
    await upload(deps, 'just-young', '2026-12-03T12:00:00.001Z', 'ready');
    await upload(deps, 'attached', '2026-12-02T08:00:00.000Z', 'attached');
    const result = await sweepUploads(deps, now);
    expect(result).toMatchObject({ now: now.toISOString(), deleted: 2 });
    expect([...deps.state.uploads.keys()].sort()).toEqual(['attached', 'just-young']);
    expect([...deps.state.media.keys()].filter((k) => k.includes('old-'))).toEqual([]);
    expect(await sweepUploads(deps, now)).toMatchObject({ deleted: 0 });
  });

  it('catches up on days a missed run left, as far back as the TTL keeps items', async () => {
    const deps = memoryDependencies();
    await upload(deps, 'nine-days', '2026-12-01T12:00:00.000Z', 'rejected');
    expect(await sweepUploads(deps, new Date('2026-12-10T12:00:00.000Z'))).toMatchObject({ deleted: 1 });
  });

  it('runs as of the clock when given no instant', async () => {
    const deps = memoryDependencies();
    await upload(deps, 'old', '2026-11-23T00:00:00.000Z', 'ready');
    expect(await sweepUploads(deps)).toMatchObject({ now: '2026-12-02T03:00:00.000Z', deleted: 1 });
  });
});
