/** Upload grants and status (shared/app/uploads.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { getUpload, requestUpload, resolveAttachments } from '../../../shared/app/uploads.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/domain/errors.js';
import { incomingKey, MAX_UPLOAD_BYTES } from '../../../shared/domain/upload.js';
import { memoryDependencies } from '../../support/memory.js';

const citizen = { userId: 'c', role: 'citizen' as const };
const staff = { userId: 's', role: 'staff' as const, departmentId: 'ward-00001' };

describe('requestUpload', () => {
  it('writes the pending upload before granting one POST for exactly its key, valid five minutes', async () => {
    const deps = memoryDependencies();
    const grant = await requestUpload(deps, citizen, { purpose: 'ticket', contentType: 'image/png', size: 1234 });
    expect(grant).toMatchObject({ url: 'memory://media', expiresAt: '2026-12-02T03:05:00.000Z', maxBytes: MAX_UPLOAD_BYTES });
    expect(grant.fields).toMatchObject({ key: incomingKey(grant.id), 'Content-Type': 'image/png' });
    expect(await deps.uploads.get(grant.id)).toEqual({ id: grant.id, ownerId: 'c', purpose: 'ticket', contentType: 'image/png', size: 1234, status: 'pending', createdAt: '2026-12-02T03:00:00.000Z' });
  });

  it('photos are for citizens, evidence for staff', async () => {
    const deps = memoryDependencies();
    await expect(requestUpload(deps, citizen, { purpose: 'evidence', contentType: 'image/png', size: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requestUpload(deps, staff, { purpose: 'ticket', contentType: 'image/png', size: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.state.uploads.size).toBe(0);
  });
});

describe('getUpload', () => {
  it('shows the uploader its status and, once ready, a thumbnail; anyone else finds nothing', async () => {
    const deps = memoryDependencies();
    const { id } = await requestUpload(deps, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 10 });
    expect(await getUpload(deps, citizen, id)).toEqual({ id, purpose: 'ticket', status: 'pending' });
    await deps.uploads.finish(id, { status: 'ready', width: 800, height: 600, format: 'jpeg' }, '2026-12-02T03:00:05.000Z');
    expect(await getUpload(deps, citizen, id)).toEqual({ id, purpose: 'ticket', status: 'ready', width: 800, height: 600, thumbUrl: `memory://media/media/${id}/thumb.jpg?expires=900` });
    await expect(getUpload(deps, { userId: 'other', role: 'citizen' }, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('resolveAttachments', () => {
  it('names each upload that cannot be attached, by its place in the request', async () => {
    const deps = memoryDependencies();
    const mine = await requestUpload(deps, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 10 });
    await deps.uploads.finish(mine.id, { status: 'ready', width: 1, height: 1, format: 'jpeg' }, '2026-12-02T03:00:05.000Z');
    const pending = await requestUpload(deps, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 10 });
    const error = await resolveAttachments(deps, citizen, [{ uploadId: mine.id }, { uploadId: pending.id }, { uploadId: 'missing' }], 'ticket', 'body.attachments').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['body.attachments.1.uploadId', 'body.attachments.2.uploadId']);
    expect(await resolveAttachments(deps, citizen, [{ uploadId: mine.id }], 'ticket', 'body.attachments')).toEqual({
      photos: [{ id: mine.id, width: 1, height: 1, format: 'jpeg' }],
      attach: { uploadIds: [mine.id], ownerId: 'c', purpose: 'ticket', field: 'body.attachments' },
    });
  });
});
