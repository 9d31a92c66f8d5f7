/**
 * Photos end to end through the HTTP API and the local S3 server: grants, real multipart POSTs
 * checked against their policy, processing on the put event, attaching inside the ticket's
 * transaction, and photo URLs only for callers who may see the ticket.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import { s3 } from '../../shared/adapters/s3/client.js';
import { s3MediaStore } from '../../shared/adapters/s3/media-store.js';
import { dynamoUploadStore } from '../../shared/adapters/dynamodb/upload-store.js';
import { loadFunction } from '../../local/handlers.js';
import { incomingKey } from '../../shared/domain/upload.js';
import { useTestApi } from '../support/api.js';
import { grant, jpegOfAbout, phonePhoto, postFile, upload } from '../support/uploads.js';

const api = useTestApi({ s3: true, streams: false });
let citizen: string;
let otherCitizen: string;
let wardStaff: string;
let otherStaff: string;

beforeAll(async () => {
  citizen = await api.token({ sub: 'photo-citizen', groups: ['citizen'] });
  otherCitizen = await api.token({ sub: 'other-citizen', groups: ['citizen'] });
  wardStaff = await api.token({ sub: 'ward-staff', groups: ['staff'], departmentId: 'ward-00001' });
  otherStaff = await api.token({ sub: 'other-staff', groups: ['staff'], departmentId: 'ward-00004' });
});

const ticketBody = (attachments: Array<{ uploadId: string }>, extra: Record<string, unknown> = {}) => ({
  category: 'urban_order',
  description: 'Lấn chiếm vỉa hè trước số 8 phố Phúc Xá',
  location: { wardCode: '00001' },
  attachments,
  ...extra,
});
const createTicket = (token: string, attachments: Array<{ uploadId: string }>, extra?: Record<string, unknown>) =>
  api.request('POST', '/v1/tickets', { token, body: ticketBody(attachments, extra) });
const fetchBytes = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
};
const smallJpeg = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

describe('POST /v1/uploads: the grant', () => {
  it('is a presigned POST for incoming/<id>, pinned to the Content-Type, ≤ 10 MiB, for 5 minutes; the upload is pending', async () => {
    const before = Date.now();
    const g = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1234 });
    expect(g.fields.key).toBe(`incoming/${g.id}`);
    expect(g.fields['Content-Type']).toBe('image/jpeg');
    expect(g.maxBytes).toBe(10 * 1024 * 1024);
    const policy = JSON.parse(Buffer.from(g.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, 10 * 1024 * 1024], ['eq', '$Content-Type', 'image/jpeg'], { key: `incoming/${g.id}` }]));
    // Five minutes from when the grant was signed, somewhere between the request and the reply.
    const expiration = Date.parse(policy.expiration);
    expect(expiration).toBeGreaterThanOrEqual(before + 5 * 60_000 - 1000);
    expect(expiration).toBeLessThanOrEqual(Date.now() + 5 * 60_000 + 1000);
    expect(Date.parse(g.expiresAt)).toBeCloseTo(Date.parse(policy.expiration), -4);
    const status = await api.request('GET', `/v1/uploads/${g.id}`, { token: citizen });
    expect(status.body).toEqual({ id: g.id, purpose: 'ticket', status: 'pending' });
    // Only the uploader sees it.
    expect((await api.request('GET', `/v1/uploads/${g.id}`, { token: otherCitizen })).status).toBe(404);
  });

  it('citizens upload for tickets, staff for evidence; bad types and sizes are 400', async () => {
    const ask = (token: string, body: unknown) => api.request('POST', '/v1/uploads', { token, body });
    expect((await ask(citizen, { purpose: 'evidence', contentType: 'image/jpeg', size: 10 })).status).toBe(403);
    expect((await ask(wardStaff, { purpose: 'ticket', contentType: 'image/jpeg', size: 10 })).status).toBe(403);
    expect((await ask(wardStaff, { purpose: 'evidence', contentType: 'image/webp', size: 10 })).status).toBe(201);
    for (const body of [
      { purpose: 'ticket', contentType: 'image/gif', size: 10 },
      { purpose: 'ticket', contentType: 'image/jpeg', size: 10 * 1024 * 1024 + 1 },
      { purpose: 'ticket', contentType: 'image/jpeg', size: 0 },
      { purpose: 'ticket', contentType: 'image/jpeg', size: 10, key: 'media/x' },
    ]) {
      const res = await ask(citizen, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});

describe('the local S3 refuses what S3 refuses', () => {
  it('a file over 10 MiB (11 MiB), a wrong Content-Type, an expired grant, a forged policy; the upload stays pending', async () => {
    const big = await jpegOfAbout(11 * 1024 * 1024);
    const g1 = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1024 });
    const tooBig = await postFile(g1, big);
    expect(tooBig.status).toBe(400);
    expect(tooBig.text).toContain('EntityTooLarge');

    const g2 = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1024 });
    const wrongType = await postFile(g2, await smallJpeg(), { fields: { 'Content-Type': 'image/png' } });
    expect(wrongType.status).toBe(403);
    expect(wrongType.text).toContain('Policy Condition failed');

    const g3 = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1024 });
    api.s3Clock.offsetMs = 5 * 60_000 + 1000;
    try {
      const expired = await postFile(g3, await smallJpeg());
      expect(expired.status).toBe(403);
      expect(expired.text).toContain('Policy expired');
    } finally {
      api.s3Clock.offsetMs = 0;
    }

    const g4 = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1024 });
    const otherKey = { ...g4, fields: { ...g4.fields, key: 'media/someone-else/full.jpg' } };
    expect((await postFile(otherKey, await smallJpeg())).status).toBe(403);

    await api.s3.idle();
    for (const g of [g1, g2, g3, g4]) {
      expect((await api.request('GET', `/v1/uploads/${g.id}`, { token: citizen })).body.status).toBe('pending');
      expect(await s3MediaStore.read(incomingKey(g.id))).toBeUndefined();
    }
  });
});

describe('processing', () => {
  it('a phone photo with GPS EXIF comes back upright, ≤ 2048 px, with a 320 px thumbnail and no metadata at all; the original is gone', async () => {
    const original = await phonePhoto();
    const meta = await sharp(original).metadata();
    expect(meta).toMatchObject({ width: 3000, height: 2000, orientation: 6 });
    expect(meta.exif!.includes('SN-4242-SECRET')).toBe(true);
    expect(meta.exif!.includes(Buffer.from([0x25, 0x88])) || meta.exif!.includes(Buffer.from([0x88, 0x25]))).toBe(true); // the GPS IFD pointer

    const done = await upload(api, citizen, original);
    expect(done).toMatchObject({ status: 'ready', width: 1365, height: 2048, thumbUrl: expect.stringContaining(`/media/${done.id}/thumb.jpg`) });
    expect(await s3MediaStore.read(incomingKey(done.id))).toBeUndefined();

    const created = await createTicket(citizen, [{ uploadId: done.id }], { category: 'health' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [photo] = created.body.photos;
    expect(photo).toMatchObject({ id: done.id, width: 1365, height: 2048 });
    expect(photo.url).not.toContain('incoming/');
    expect(created.body.attachments).toBeUndefined();

    const full = await fetchBytes(photo.url);
    expect(full.status).toBe(200);
    const out = await sharp(full.bytes).metadata();
    expect(out).toMatchObject({ format: 'jpeg', width: 1365, height: 2048 });
    expect(out.exif).toBeUndefined();
    expect(out.orientation).toBeUndefined();
    expect(out.icc).toBeUndefined();
    expect(out.xmp).toBeUndefined();
    expect(full.bytes.includes('SN-4242-SECRET')).toBe(false);
    // Stored top half red → displayed right half red once rotated 90° clockwise.
    const { data } = await sharp(full.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data.subarray((y * 1365 + x) * 3, (y * 1365 + x) * 3 + 3);
    expect(pixel(1300, 1024)[0]).toBeGreaterThan(150);
    expect(pixel(60, 1024)[2]).toBeGreaterThan(150);

    const thumb = await sharp((await fetchBytes(photo.thumbUrl)).bytes).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(320);
    expect(thumb.exif).toBeUndefined();
  });

  it('PNG and WebP become WebP', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    const done = await upload(api, citizen, png, 'ticket', 'image/png');
    expect(done).toMatchObject({ status: 'ready', width: 40, height: 30, thumbUrl: expect.stringContaining('thumb.webp') });
  });

  it('a PDF or an SVG renamed .jpg is rejected, and its bytes deleted', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    for (const bytes of [pdf, svg]) {
      const done = await upload(api, citizen, bytes);
      expect(done).toEqual({ id: done.id, purpose: 'ticket', status: 'rejected', reason: 'not_an_image' });
      expect(await s3MediaStore.read(incomingKey(done.id))).toBeUndefined();
      const res = await createTicket(citizen, [{ uploadId: done.id }]);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'body.attachments.0.uploadId', message: expect.stringContaining('rejected') }]);
    }
  });

  it('a truncated JPEG is rejected as undecodable', async () => {
    const jpeg = await smallJpeg();
    const done = await upload(api, citizen, jpeg.subarray(0, 40));
    expect(done).toMatchObject({ status: 'rejected', reason: 'undecodable' });
  });

  it('the same event delivered twice writes nothing new', async () => {
    const done = await upload(api, citizen, await smallJpeg());
    const event = api.s3.events.find((e) => e.Records[0]!.s3.object.key === incomingKey(done.id))!;
    const before = await dynamoUploadStore.get(done.id);
    const thumbBefore = await fetchBytes(done.thumbUrl!);
    const { handler } = await loadFunction('events/process-upload');
    const again = await Promise.all([handler(event), handler(event)]);
    expect(again.flat()).toEqual([
      { id: done.id, outcome: 'skipped', why: 'already ready' },
      { id: done.id, outcome: 'skipped', why: 'already ready' },
    ]);
    expect(await dynamoUploadStore.get(done.id)).toEqual(before);
    expect((await fetchBytes(done.thumbUrl!)).bytes.equals(thumbBefore.bytes)).toBe(true);
  });
});

describe('with GuardDuty Malware Protection (MALWARE_SCAN=required)', () => {
  it('processes only objects tagged NO_THREATS_FOUND, rejects THREATS_FOUND, leaves unscanned ones pending', async () => {
    process.env.MALWARE_SCAN = 'required';
    try {
      const { handler } = await loadFunction('events/process-upload');
      const results: Record<string, string> = {};
      for (const verdict of ['', 'THREATS_FOUND', 'NO_THREATS_FOUND']) {
        const g = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 1000 });
        expect((await postFile(g, await smallJpeg())).status).toBe(204);
        await api.s3.idle();
        // Not scanned yet: the put event alone processes nothing.
        expect((await api.request('GET', `/v1/uploads/${g.id}`, { token: citizen })).body.status).toBe('pending');
        if (verdict) {
          await s3().send(new PutObjectTaggingCommand({ Bucket: process.env.MEDIA_BUCKET, Key: incomingKey(g.id), Tagging: { TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: verdict }] } }));
          await handler({ source: 'aws.guardduty', detail: { s3ObjectDetails: { bucketName: process.env.MEDIA_BUCKET, objectKey: incomingKey(g.id) }, scanResultDetails: { scanResultStatus: verdict } } });
        }
        const after = (await api.request('GET', `/v1/uploads/${g.id}`, { token: citizen })).body;
        results[verdict || 'unscanned'] = after.reason ? `${after.status}:${after.reason}` : after.status;
      }
      expect(results).toEqual({ unscanned: 'pending', THREATS_FOUND: 'rejected:malware', NO_THREATS_FOUND: 'ready' });
    } finally {
      delete process.env.MALWARE_SCAN;
    }
  });
});

describe('attaching', () => {
  it("someone else's upload and an unfinished one are 400 on the field, and nothing is written", async () => {
    const theirs = await upload(api, otherCitizen, await smallJpeg());
    const pending = await grant(api, citizen, { purpose: 'ticket', contentType: 'image/jpeg', size: 100 });
    const res = await createTicket(citizen, [{ uploadId: theirs.id }, { uploadId: pending.id }]);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { path: 'body.attachments.0.uploadId', message: 'unknown upload' },
      { path: 'body.attachments.1.uploadId', message: expect.stringContaining('not processed yet') },
    ]);
    expect((await dynamoUploadStore.get(theirs.id))!.status).toBe('ready');
    const mine = await api.request('GET', '/v1/me/tickets', { token: citizen });
    expect(mine.body.items.some((t: { photos: Array<{ id: string }> }) => t.photos.some((p) => p.id === theirs.id))).toBe(false);
  });

  it('one upload on two tickets: the second is 400', async () => {
    const done = await upload(api, citizen, await smallJpeg());
    const first = await createTicket(citizen, [{ uploadId: done.id }]);
    expect(first.status).toBe(201);
    expect(await dynamoUploadStore.get(done.id)).toMatchObject({ status: 'attached', ticketId: first.body.id });
    const second = await createTicket(citizen, [{ uploadId: done.id }]);
    expect(second.status).toBe(400);
    expect(second.body.errors).toEqual([{ path: 'body.attachments.0.uploadId', message: 'already attached to a ticket' }]);
    const fresh = await upload(api, citizen, await smallJpeg());
    const twice = await createTicket(citizen, [{ uploadId: fresh.id }, { uploadId: fresh.id }]);
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'body.attachments.1.uploadId', message: 'named twice' }]);
  });

  it('one upload on two tickets at once: exactly one ticket gets it', async () => {
    const done = await upload(api, citizen, await smallJpeg());
    const results = await Promise.all(Array.from({ length: 4 }, () => createTicket(citizen, [{ uploadId: done.id }])));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(400);
      expect(lost.body.errors).toEqual([{ path: 'body.attachments.0.uploadId', message: 'already attached to a ticket' }]);
    }
    expect(await dynamoUploadStore.get(done.id)).toMatchObject({ status: 'attached', ticketId: won[0]!.body.id });
  });

  it('an Idempotency-Key retry with attachments returns the same ticket', async () => {
    const done = await upload(api, citizen, await smallJpeg());
    const headers = { 'idempotency-key': `photo-${done.id}` };
    const body = ticketBody([{ uploadId: done.id }]);
    const first = await api.request('POST', '/v1/tickets', { token: citizen, body, headers });
    const retry = await api.request('POST', '/v1/tickets', { token: citizen, body, headers });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.photos.map((p: { id: string }) => p.id)).toEqual([done.id]);
  });
});

describe('who sees photos', () => {
  it('the owner and the department get working URLs; another citizen and another department get a 404, never a URL', async () => {
    const done = await upload(api, citizen, await smallJpeg());
    const created = await createTicket(citizen, [{ uploadId: done.id }]);
    const id = created.body.id;
    for (const token of [citizen, wardStaff]) {
      const res = await api.request('GET', `/v1/tickets/${id}`, { token });
      expect(res.status).toBe(200);
      expect((await fetchBytes(res.body.photos[0].url)).status).toBe(200);
    }
    for (const token of [otherCitizen, otherStaff]) {
      for (const path of [`/v1/tickets/${id}`, `/v1/tickets/${id}/history`]) {
        const res = await api.request('GET', path, { token });
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain(done.id);
      }
    }
    const history = await api.request('GET', `/v1/tickets/${id}/history`, { token: citizen });
    expect(history.body.items[0]).toMatchObject({ type: 'created', photos: [{ id: done.id, url: expect.any(String), thumbUrl: expect.any(String) }] });
    expect(history.body.items[0].data.photos).toBeUndefined();
    // The feed shows processed public tickets only: this private one never appears.
    const feed = await api.request('GET', '/v1/public/tickets?limit=100');
    expect(JSON.stringify(feed.body)).not.toContain(done.id);
  });
});

describe('Open311 media_url', () => {
  it('a public ticket with a photo carries media_url (a working presigned URL); a private one never does', async () => {
    const answers: Record<string, unknown> = {};
    for (const visibility of ['public', 'private']) {
      const done = await upload(api, citizen, await smallJpeg());
      const created = await createTicket(citizen, [{ uploadId: done.id }], { visibility });
      const res = await api.request('GET', `/open311/v2/requests/${created.body.id}.json`);
      expect(res.status).toBe(200);
      answers[visibility] = res.body[0].media_url;
    }
    expect(answers.private).toBeUndefined();
    expect(answers.public).toEqual(expect.stringContaining('/media/'));
    expect((await fetchBytes(answers.public as string)).status).toBe(200);
  });
});

describe('evidence on answers', () => {
  async function inProgress(category: string) {
    const created = await api.request('POST', '/v1/tickets', { token: citizen, body: { category, description: 'Một phản ánh cần trả lời kèm ảnh', location: { wardCode: '00001' }, visibility: 'public' } });
    expect(created.status).toBe(201);
    const staff = await api.token({ sub: `staff-${created.body.departmentId}`, groups: ['staff'], departmentId: created.body.departmentId });
    const ack = await api.request('POST', `/v1/tickets/${created.body.id}/actions`, { token: staff, body: { action: 'acknowledge', expectedVersion: 1 } });
    expect(ack.status).toBe(200);
    return { id: created.body.id as string, staff };
  }
  const respond = (t: { id: string; staff: string }, evidence?: Array<{ uploadId: string }>) =>
    api.request('POST', `/v1/tickets/${t.id}/actions`, { token: t.staff, body: { action: 'respond', expectedVersion: 2, message: 'Đã xử lý xong, ảnh hiện trường sau khi xử lý kèm theo.', ...(evidence ? { evidence } : {}) } });

  it('a category that requires evidence refuses an answer without a photo (422), and a citizen photo as evidence (400)', async () => {
    const t = await inProgress('urban_order');
    const none = await respond(t);
    expect(none.status).toBe(422);
    expect(none.body.rule).toBe('evidence_required');
    const citizenPhoto = await upload(api, citizen, await smallJpeg());
    const wrong = await respond(t, [{ uploadId: citizenPhoto.id }]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'body.evidence.0.uploadId', message: 'unknown upload' }]);

    const evidence = await upload(api, t.staff, await smallJpeg(), 'evidence');
    const ok = await respond(t, [{ uploadId: evidence.id }]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.response.photos).toEqual([{ id: evidence.id, url: expect.any(String), thumbUrl: expect.any(String), width: 64, height: 48 }]);
    expect(await dynamoUploadStore.get(evidence.id)).toMatchObject({ status: 'attached', ticketId: t.id });
    // The citizen sees the evidence on the ticket and on the responded event.
    const seen = await api.request('GET', `/v1/tickets/${t.id}`, { token: citizen });
    expect(seen.body.response.photos[0].id).toBe(evidence.id);
    const history = await api.request('GET', `/v1/tickets/${t.id}/history`, { token: citizen });
    expect(history.body.items.find((e: { type: string }) => e.type === 'responded').photos[0].id).toBe(evidence.id);
  });

  it('a category without the rule takes an answer without photos', async () => {
    const t = await inProgress('health');
    expect((await respond(t)).status).toBe(200);
  });
});
