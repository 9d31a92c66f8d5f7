/**
 * "Already reported?" with photos: real uploads through the local S3 and the processor, tickets
 * filed through the API, and nearby results that carry public tickets' thumbnails only.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { THUMB_MAX_PX } from '../../shared/domain/upload.js';
import { useTestApi } from '../support/api.js';
import { upload } from '../support/uploads.js';

const api = useTestApi({ s3: true, streams: false });
let citizen: string;

beforeAll(async () => {
  citizen = await api.token({ sub: 'nearby-photo-citizen', groups: ['citizen'] });
});

// Phúc Xá (ward 00001); tickets a few metres east of each other.
const here = { lat: 21.0465, lng: 105.8468 };
const east = (metres: number) => ({ lat: here.lat, lng: here.lng + metres / (111_195 * Math.cos((here.lat * Math.PI) / 180)) });
const photo = (width: number, height: number, colour: string) => sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();

async function file(metres: number, visibility: 'public' | 'private', uploadIds: string[]) {
  const res = await api.request('POST', '/v1/tickets', {
    token: citizen,
    body: {
      category: 'urban_order',
      title: `Vỉa hè bị lấn chiếm (${visibility})`,
      description: 'Quán nước bày bàn ghế chiếm hết vỉa hè, người đi bộ phải xuống lòng đường.',
      location: { wardCode: '00001', ...east(metres), address: '8 Phố Riêng Tư' },
      attachments: uploadIds.map((uploadId) => ({ uploadId })),
      visibility,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; photos: Array<{ id: string; url: string }> };
}

describe('GET /v1/tickets/nearby: photos', () => {
  it("public tickets carry their photos' thumbnails (never the full photo); private tickets and tickets without photos carry none", async () => {
    const [wide, tall, secret] = await Promise.all([upload(api, citizen, await photo(1200, 800, '#c33')), upload(api, citizen, await photo(600, 900, '#33c')), upload(api, citizen, await photo(800, 600, '#3c3'))]);
    for (const u of [wide, tall, secret]) expect(u.status).toBe('ready');
    const open = await file(10, 'public', [wide.id, tall.id]);
    const hidden = await file(20, 'private', [secret.id]);
    const bare = await file(30, 'public', []);

    const res = await api.request('GET', `/v1/tickets/nearby?lat=${here.lat}&lng=${here.lng}`);
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ id: string; photos?: Array<Record<string, unknown>> }>;
    expect(items.map((i) => i.id)).toEqual([open.id, hidden.id, bare.id]);

    const [pub, priv, none] = items;
    expect(pub!.photos).toEqual([
      { id: wide.id, thumbUrl: expect.stringContaining(`/media/${wide.id}/thumb.jpg`), width: 1200, height: 800 },
      { id: tall.id, thumbUrl: expect.stringContaining(`/media/${tall.id}/thumb.jpg`), width: 600, height: 900 },
    ]);
    expect(priv).not.toHaveProperty('photos');
    expect(none).not.toHaveProperty('photos');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('full.jpg');
    expect(text).not.toContain(secret.id);

    // Each thumbnail URL works for anyone (the route is public) and is the 320 px thumbnail.
    for (const [p, side] of [
      [pub!.photos![0]!, 'width'],
      [pub!.photos![1]!, 'height'],
    ] as const) {
      const got = await fetch(p.thumbUrl as string);
      expect(got.status).toBe(200);
      const meta = await sharp(Buffer.from(await got.arrayBuffer())).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta[side]).toBe(THUMB_MAX_PX);
    }
  });
});
