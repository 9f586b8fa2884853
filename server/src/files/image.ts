import type { fromBuffer as FromBuffer } from 'file-type';
import type sharpModule from 'sharp';
import type { Metadata } from 'sharp';
import { UnprocessableError, UnsupportedMediaTypeError } from '../core/errors';
import { Semaphore } from '../platform/semaphore';

/** The image formats a product picture may be, by their bytes (never by name or mimetype). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The picture shown on a product's page, and the thumbnail of lists and the till. */
export const IMAGE_SIZES = { large: 1024, thumb: 192 } as const;
export type ImageVariant = keyof typeof IMAGE_SIZES;

/*
 * Pictures decoded at once in this process: a picture at the pixel limit (40 MP) takes about
 * 160 MB while it is decoded, so a burst of uploads waits its turn instead of piling up.
 */
const decoding = new Semaphore(2);

export interface RenderedImage {
  large: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
}

/**
 * A product picture from an upload: its type sniffed from the bytes (file-type), its
 * dimensions read from the header and refused past `maxPixels` before anything is decoded (a
 * 50 000 × 50 000 PNG is a few kilobytes), then decoded once more under sharp's own
 * `limitInputPixels`, turned upright and written as WebP without its metadata (EXIF, GPS,
 * ICC comments: sharp keeps none unless asked). sharp works on libuv's threads, off the
 * event loop.
 */
export async function renderProductImage(
  buffer: Buffer,
  maxPixels: number,
): Promise<RenderedImage> {
  const { sharp, fromBuffer } = imageLibraries();
  const type = await fromBuffer(buffer);
  if (!type || !IMAGE_TYPES.has(type.mime)) {
    throw new UnsupportedMediaTypeError(
      `Upload a JPEG, PNG or WebP image${type ? `: this file is ${type.mime}` : ''}`,
    );
  }
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const };
  let meta: Metadata;
  try {
    // The header only: nothing is decoded here, so the pixel limit is ours to check below.
    meta = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnprocessableError('The image cannot be read: it is damaged or incomplete');
  }
  const { width = 0, height = 0 } = meta;
  if (!width || !height) throw new UnprocessableError('The image has no dimensions');
  if (width * height > maxPixels) {
    throw new UnprocessableError(
      `The image is too large: ${width} × ${height} pixels, at most ${maxPixels.toLocaleString('en')} pixels`,
    );
  }
  try {
    // The original is decoded once; the thumbnail is made from the large picture.
    const large = await decoding.run(() =>
      sharp(buffer, options)
        .rotate()
        .resize(IMAGE_SIZES.large, IMAGE_SIZES.large, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true }),
    );
    const thumb = await sharp(large.data)
      .resize(IMAGE_SIZES.thumb, IMAGE_SIZES.thumb, { fit: 'cover' })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return {
      large: large.data,
      thumb: thumb.data,
      width: large.info.width,
      height: large.info.height,
      contentType: 'image/webp',
    };
  } catch {
    throw new UnprocessableError('The image cannot be read: it is damaged or incomplete');
  }
}

/** "C:\\fakepath\\ph oto.jpg" → "ph oto.jpg": no path, no control characters, ≤ 255. */
export function safeFileName(name: string, fallback: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
    .join('')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(-255);
  return base || fallback;
}

/**
 * sharp (libvips) and file-type are loaded with the first picture: a process that never
 * receives one never loads them (each test file's app would, about 0.3 s each).
 * `require`, not `import()`: the build is CommonJS.
 */
function imageLibraries(): { sharp: typeof sharpModule; fromBuffer: typeof FromBuffer } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    sharp: require('sharp') as typeof sharpModule,
    fromBuffer: (require('file-type') as { fromBuffer: typeof FromBuffer }).fromBuffer,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
