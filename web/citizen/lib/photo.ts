/**
 * Photos leave the phone small: re-encoded as JPEG at most 1600 px on the long side, stepping
 * the quality down until the file is at most 600 kB (a 4 MB camera photo costs a fraction of
 * its size in data). Drawing on a canvas also drops EXIF, so the phone's GPS tag never leaves it.
 */
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 600 * 1024;
const MAX_EDGE = 1600;

async function encode(bitmap: ImageBitmap, edge: number, quality: number): Promise<Blob> {
  const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas unavailable');
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/jpeg', quality));
  if (!blob) throw new Error('could not encode the photo');
  return blob;
}

export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    for (const [edge, quality] of [[MAX_EDGE, 0.82], [MAX_EDGE, 0.7], [1280, 0.7], [1024, 0.6], [800, 0.5]] as const) {
      const blob = await encode(bitmap, edge, quality);
      if (blob.size <= MAX_PHOTO_BYTES) return blob;
    }
    throw new Error('photo too detailed to shrink');
  } finally {
    bitmap.close();
  }
}
