import os from 'node:os';
import sharp from 'sharp';
import { MAX_OCR_PIXELS } from './ocr-limits';

/*
 * The OCR's image preparation, in a process of its own (ocr-read.ts runs it under the OCR
 * budget): one PNG or JPEG from stdin, decoded by sharp within the pixel budget, turned as
 * its EXIF orientation says (a phone's photo), made greyscale, and its levels set: the paper
 * (the median grey) and anything within 15% of it white, the darkest ink black, so a scanner's
 * grain on the paper is gone and the ink is dark. Written to stdout as PNG; a file that does
 * not decode exits 2. Measured on the generated scans (docs/ocr.md): 17 of 24 lines read
 * exactly without it, 23 with it. A stretch between percentiles (sharp's normalise) did as
 * well on a cropped invoice but turned a whole page with a little text black.
 */
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here: the default priority
}
sharp.concurrency(1);
sharp.cache(false);

/** Grey levels: the paper's (the median) and the darkest ink's (the 0.01th percentile). */
function levelsOf(pixels: Buffer) {
  const histogram = new Array<number>(256).fill(0);
  for (const v of pixels) histogram[v]!++;
  const at = (share: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) if ((seen += histogram[v]!) >= pixels.length * share) return v;
    return 255;
  };
  return { ink: at(0.0001), paper: at(0.5) };
}

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { data, info } = await sharp(Buffer.concat(chunks), {
    limitInputPixels: MAX_OCR_PIXELS,
    failOn: 'error',
  })
    .rotate()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { ink, paper } = levelsOf(data);
  const white = Math.round(paper * 0.85);
  let image = sharp(data, {
    raw: { width: info.width, height: info.height, channels: info.channels },
  });
  // A blank page, or one without contrast: as it is.
  if (white - ink >= 32) image = image.linear(255 / (white - ink), (-ink * 255) / (white - ink));
  const png = await image.png({ compressionLevel: 1 }).toBuffer();
  process.stdout.write(png, () => process.exit(0));
}

main().catch((err: Error) => {
  process.stderr.write(String(err?.message ?? err), () => process.exit(2));
});
