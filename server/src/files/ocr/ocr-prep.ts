import os from 'node:os';
import sharp from 'sharp';
import { MAX_OCR_PIXELS } from './ocr-limits';

/*
 * The OCR's image preparation, in a process of its own (ocr-read.ts runs it under the OCR
 * budget): one PNG or JPEG from stdin, decoded by sharp within the pixel budget, turned as
 * its EXIF orientation says (a phone's photo), made greyscale and its contrast stretched
 * (measured: 17 of 24 lines of the generated scans read exactly without it, 22–23 with it;
 * docs/ocr.md), written to stdout as PNG. A file that does not decode exits 2.
 */
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here: the default priority
}
sharp.concurrency(1);
sharp.cache(false);

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const png = await sharp(Buffer.concat(chunks), {
    limitInputPixels: MAX_OCR_PIXELS,
    failOn: 'error',
  })
    .rotate()
    .greyscale()
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
  process.stdout.write(png, () => process.exit(0));
}

main().catch((err: Error) => {
  process.stderr.write(String(err?.message ?? err), () => process.exit(2));
});
