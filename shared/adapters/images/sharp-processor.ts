/**
 * sharp (libvips): decode with a pixel limit, rotate upright by the EXIF orientation, bound the
 * long side and re-encode. sharp writes no metadata unless asked (no keepMetadata/withMetadata
 * here): EXIF with GPS, camera serials, XMP, IPTC and ICC are all dropped, the pixels kept in sRGB.
 */
import sharp, { type Sharp } from 'sharp';
import { ImageRejectedError, type ImageProcessor } from '../../app/process-upload.js';
import { MAX_INPUT_PIXELS } from '../../domain/upload.js';

// One Lambda vCPU (or two) at most: more libvips threads only contend.
sharp.concurrency(1);
sharp.cache(false);

export const sharpProcessor: ImageProcessor = {
  async render(input, format, maxPx) {
    let pipeline: Sharp;
    try {
      const meta = await sharp(input, { limitInputPixels: false }).metadata();
      if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) throw new ImageRejectedError('too_many_pixels');
      pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: maxPx, height: maxPx, fit: 'inside', withoutEnlargement: true });
      pipeline = format === 'jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: false }) : pipeline.webp({ quality: 80 });
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return { bytes: data, width: info.width, height: info.height };
    } catch (error) {
      if (error instanceof ImageRejectedError) throw error;
      // libvips could not decode it: a truncated file, or bytes that only look like an image.
      throw new ImageRejectedError('undecodable');
    }
  },
};
