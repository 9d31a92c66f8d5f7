/**
 * Processing an uploaded object (shared/app/process-upload.ts) with the in-memory upload and
 * media stores. The image processor is the one part replaced: sharp has its own tests in
 * tests/integration; here it only has to say what size it made.
 */
import { describe, expect, it } from 'vitest';
import { ImageRejectedError, processUpload, type ImageProcessor } from '../../../shared/app/process-upload.js';
import { fullKey, incomingKey, thumbKey, type Upload } from '../../../shared/domain/upload.js';
import { memoryDependencies, type MemoryDependencies } from '../../support/memory.js';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const opts = { fullMaxPx: 2048, thumbMaxPx: 320 };
const resizer: ImageProcessor = { render: async (input, _format, maxPx) => ({ bytes: Buffer.concat([input.subarray(0, 4), Buffer.from(`@${maxPx}`)]), width: Math.min(maxPx, 3000), height: Math.min(maxPx, 2000) }) };

async function landed(deps: MemoryDependencies, bytes: Buffer, status: Upload['status'] = 'pending') {
  await deps.uploads.create({ id: 'up-1', ownerId: 'c', purpose: 'ticket', contentType: 'image/jpeg', size: bytes.length, status, createdAt: deps.clock.now().toISOString() });
  await deps.media.write(incomingKey('up-1'), bytes, 'image/jpeg');
}

describe('processUpload', () => {
  it('re-encodes a clean image with its thumbnail, marks it ready and deletes the original', async () => {
    const deps = memoryDependencies();
    await landed(deps, JPEG);
    const result = await processUpload({ ...deps, images: resizer }, 'up-1', opts);
    expect(result).toEqual({ id: 'up-1', outcome: { status: 'ready', width: 2048, height: 2000, format: 'jpeg' } });
    expect(await deps.uploads.get('up-1')).toMatchObject({ status: 'ready', width: 2048, height: 2000, format: 'jpeg', processedAt: deps.clock.now().toISOString() });
    expect([...deps.state.media.keys()].sort()).toEqual([fullKey('up-1', 'jpeg'), thumbKey('up-1', 'jpeg')]);
    expect(deps.state.media.get(thumbKey('up-1', 'jpeg'))!.bytes.toString('latin1')).toContain('@320');
  });

  it('a second delivery of the same object changes nothing', async () => {
    const deps = memoryDependencies();
    await landed(deps, JPEG);
    await processUpload({ ...deps, images: resizer }, 'up-1', opts);
    const before = structuredClone(deps.state.uploads.get('up-1'));
    expect(await processUpload({ ...deps, images: resizer }, 'up-1', opts)).toEqual({ id: 'up-1', outcome: 'skipped', why: 'already ready' });
    expect(deps.state.uploads.get('up-1')).toEqual(before);
  });

  it('rejects what is not an image by its bytes, whatever it claimed, and what the decoder refuses', async () => {
    const deps = memoryDependencies();
    await landed(deps, Buffer.from('<html>not a photo</html>'));
    expect((await processUpload({ ...deps, images: resizer }, 'up-1', opts)).outcome).toEqual({ status: 'rejected', reason: 'not_an_image' });
    expect(deps.state.media.has(incomingKey('up-1'))).toBe(false);

    const other = memoryDependencies();
    await landed(other, JPEG);
    const refusing: ImageProcessor = { render: async () => { throw new ImageRejectedError('too_many_pixels'); } };
    expect((await processUpload({ ...other, images: refusing }, 'up-1', opts)).outcome).toEqual({ status: 'rejected', reason: 'too_many_pixels' });
  });

  it('follows the malware scan: a threat is rejected, an unfinished scan leaves it pending and untouched', async () => {
    const deps = memoryDependencies();
    await landed(deps, JPEG);
    expect(await processUpload({ ...deps, images: resizer }, 'up-1', { ...opts, malwareVerdict: async () => '' })).toEqual({ id: 'up-1', outcome: 'skipped', why: 'malware scan missing' });
    expect(deps.state.uploads.get('up-1')!.status).toBe('pending');
    expect(deps.state.media.has(incomingKey('up-1'))).toBe(true);
    expect((await processUpload({ ...deps, images: resizer }, 'up-1', { ...opts, malwareVerdict: async () => 'THREATS_FOUND' })).outcome).toEqual({ status: 'rejected', reason: 'malware' });
    expect(deps.state.media.size).toBe(0);
  });

  it('skips an object with no upload behind it', async () => {
    const deps = memoryDependencies();
    expect(await processUpload({ ...deps, images: resizer }, 'nobody', opts)).toEqual({ id: 'nobody', outcome: 'skipped', why: 'no such upload' });
  });
});
