import zlib from 'node:zlib';
import sharp from 'sharp';
import type { StoreMember } from './factories';
import { bytesOrJson } from './requests';

/** PUT /products/:id/image with the file. */
export const uploadImage = (s: StoreMember, productId: string, file: Buffer, name = 'photo.jpg') =>
  s.api.put(`${s.url}/products/${productId}/image`).set(s.auth).attach('file', file, name);

/** GET /products/:id/image: the bytes buffered (an error stays the JSON envelope). */
export const downloadImage = (s: StoreMember, productId: string, size = 'large') =>
  s.api
    .get(`${s.url}/products/${productId}/image?size=${size}`)
    .set(s.auth)
    .buffer(true)
    .parse(bytesOrJson);

/** A camera's JPEG: a gradient with EXIF (a copyright and GPS-like text) to be stripped. */
export function cameraJpeg(width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret Shop GPS 51.5N' } })
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a valid PNG header claiming `side` × `side` pixels (60 000² is 3.6
 * gigapixels, ~10 GB decoded) around a few bytes of compressed zeros.
 */
export function pngBomb(side = 60_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64 * 1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A Linux executable's first bytes (ELF header), renamed to look like a photo. */
export const elfExecutable = () =>
  Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    Buffer.alloc(4096, 0x90),
  ]);
