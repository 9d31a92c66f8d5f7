import { describe, expect, it } from 'vitest';
import { attachmentErrors, mayUpload, sniffImageType, uploadIdOfKey, type Upload } from '../../../shared/domain/upload.js';

const citizen = { userId: 'c1', role: 'citizen' as const };
const upload = (over: Partial<Upload>): Upload => ({ id: 'U1', ownerId: 'c1', purpose: 'ticket', contentType: 'image/jpeg', size: 10, status: 'ready', createdAt: '2026-12-02T00:00:00.000Z', width: 10, height: 10, format: 'jpeg', ...over });

describe('sniffImageType', () => {
  it('reads the type from the bytes, not from the name', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp');
    expect(sniffImageType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageType(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('attachmentErrors', () => {
  it('names each bad entry: unknown or not mine (the same answer), wrong purpose, pending, rejected, attached, twice', () => {
    const uploads = new Map<string, Upload>([
      ['OK', upload({ id: 'OK' })],
      ['THEIRS', upload({ id: 'THEIRS', ownerId: 'c2' })],
      ['EVID', upload({ id: 'EVID', purpose: 'evidence' })],
      ['PEND', upload({ id: 'PEND', status: 'pending' })],
      ['REJ', upload({ id: 'REJ', status: 'rejected', reason: 'not_an_image' })],
      ['ATT', upload({ id: 'ATT', status: 'attached', ticketId: 'T' })],
    ]);
    const errors = attachmentErrors(['OK', 'NOPE', 'THEIRS', 'EVID', 'PEND', 'REJ', 'ATT', 'OK'], uploads, citizen, 'ticket', 'body.attachments');
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['body.attachments.1.uploadId', 'unknown upload'],
      ['body.attachments.2.uploadId', 'unknown upload'],
      ['body.attachments.3.uploadId', 'an upload for evidence, not ticket'],
      ['body.attachments.4.uploadId', expect.stringContaining('not processed yet')],
      ['body.attachments.5.uploadId', 'rejected (not_an_image)'],
      ['body.attachments.6.uploadId', 'already attached to a ticket'],
      ['body.attachments.7.uploadId', 'named twice'],
    ]);
  });
});

describe('who uploads what, and which keys are uploads', () => {
  it('citizens for tickets; staff and admins for evidence', () => {
    expect(mayUpload(citizen, 'ticket')).toBe(true);
    expect(mayUpload(citizen, 'evidence')).toBe(false);
    expect(mayUpload({ userId: 's', role: 'staff' }, 'evidence')).toBe(true);
    expect(mayUpload({ userId: 'm', role: 'manager' }, 'evidence')).toBe(false);
  });
  it('only incoming/<ulid> is an upload key', () => {
    expect(uploadIdOfKey('incoming/01KBX00000000000000000000A')).toBe('01KBX00000000000000000000A');
    expect(uploadIdOfKey('media/01KBX00000000000000000000A/full.jpg')).toBeUndefined();
    expect(uploadIdOfKey('incoming/../etc')).toBeUndefined();
  });
});
