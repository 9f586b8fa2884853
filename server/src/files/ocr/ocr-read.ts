import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type SharpModule from 'sharp';
import type { Metadata } from 'sharp';
import { UnprocessableError } from '../../core/errors';
import { inReaderSlot } from '../pdf/pdf-text';
import {
  MAX_OCR_PAGES,
  MAX_OCR_PIXELS,
  MAX_OCR_SIDE,
  OCR_PAGE_SIDE,
  OCR_TOTAL_MS,
  OcrLimitError,
} from './ocr-limits';
import { runTool, ToolFailedError } from './run-tool';

const fromSource = __filename.endsWith('.ts');
const PREP = [
  ...(fromSource ? ['--require', require.resolve('tsx/cjs')] : []),
  path.join(__dirname, `ocr-prep.${fromSource ? 'ts' : 'js'}`),
];

/** Where the engines are (config: OCR_TESSERACT_BIN, OCR_PDFTOPPM_BIN). */
export interface OcrEngine {
  tesseract: string;
  pdftoppm: string;
}

/** A word OCR read, and how sure it was of it (0–1). */
export interface OcrWord {
  text: string;
  conf: number;
}

export type ImageType = 'png' | 'jpeg';

/** PNG or JPEG, from the file's first bytes; undefined for anything else. */
export function imageTypeOf(file: Buffer): ImageType | undefined {
  if (file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (file[0] === 0xff && file[1] === 0xd8 && file[2] === 0xff) return 'jpeg';
  return undefined;
}

/**
 * Tesseract's TSV as lines of words in reading order: its level-5 rows (words) grouped by the
 * page, block, paragraph and line they belong to.
 */
export function linesOfTsv(tsv: string): OcrWord[][] {
  const lines = new Map<string, OcrWord[]>();
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join(' ').trim();
    const conf = Number(cells[10]);
    if (!text || !Number.isFinite(conf) || conf < 0) continue;
    const key = cells.slice(1, 5).join('.');
    const line = lines.get(key) ?? [];
    line.push({ text, conf: Math.round(Math.min(conf, 100)) / 100 });
    lines.set(key, line);
  }
  return [...lines.values()];
}

/**
 * sharp is loaded when a scan comes: a server that never reads one never loads libvips.
 * `require`, not `import()`: the build is CommonJS.
 */
function loadSharp(): typeof SharpModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('sharp') as typeof SharpModule;
}

/** The image's header, checked against the pixel budget before anything decodes it. */
async function checkImage(file: Buffer, type: ImageType) {
  const sharp = loadSharp();
  let meta: Metadata;
  try {
    // Reads the header only.
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw new UnprocessableError(
      `The image could not be read: it is damaged or not a ${type.toUpperCase()}`,
    );
  }
  const { width = 0, height = 0 } = meta;
  if (meta.format !== type || !width || !height)
    throw new UnprocessableError(
      `The image could not be read: it is damaged or not a ${type.toUpperCase()}`,
    );
  if (width * height > MAX_OCR_PIXELS || Math.max(width, height) > MAX_OCR_SIDE)
    throw new OcrLimitError(
      `The image is ${width} × ${height} pixels; a scan may have at most ${MAX_OCR_PIXELS / 1e6} megapixels and ${MAX_OCR_SIDE} on a side: scan at 300 dpi`,
      'max_pixels',
    );
}

/** The image made ready for OCR (ocr-prep.ts), then read by tesseract: its lines. */
async function readImage(engine: OcrEngine, image: Buffer, deadline: number, what: string) {
  const prepared = await runTool({
    tool: 'node',
    bin: process.execPath,
    args: PREP,
    input: image,
    timeoutMs: deadline - Date.now(),
  }).catch((err) => unreadable(err, what));
  const tsv = await runTool({
    tool: 'tesseract',
    bin: engine.tesseract,
    // One uniform block of text (--psm 6): an invoice's rows stay rows, columns and all.
    args: ['stdin', 'stdout', '-l', 'eng', '--psm', '6', 'tsv'],
    input: prepared,
    timeoutMs: deadline - Date.now(),
  }).catch((err) => unreadable(err, what));
  return linesOfTsv(tsv.toString('utf8'));
}

const unreadable = (err: unknown, what: string): never => {
  if (err instanceof ToolFailedError)
    throw new UnprocessableError(`The ${what} could not be read: it is damaged`);
  throw err;
};

/**
 * The lines of a photo or scan (PNG or JPEG) read by tesseract: the header checked against
 * the pixel budget first, then the engine in a process of its own (run-tool.ts), in one of
 * the file readers' slots (a store's files are read one at a time).
 */
export function ocrImage(file: Buffer, type: ImageType, storeId: string, engine: OcrEngine) {
  return inReaderSlot(storeId, async () => {
    await checkImage(file, type);
    return readImage(engine, file, Date.now() + OCR_TOTAL_MS, 'image');
  });
}

/**
 * The lines of a scanned PDF (one without text): its first MAX_OCR_PAGES pages rasterised by
 * pdftoppm (poppler), OCR_PAGE_SIDE pixels on their long side, then read one by one by
 * tesseract, all within OCR_TOTAL_MS. The PDF has already passed the PDF reader's budget.
 */
export function ocrScannedPdf(file: Buffer, storeId: string, engine: OcrEngine) {
  return inReaderSlot(storeId, async () => {
    const deadline = Date.now() + OCR_TOTAL_MS;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'nimbus-ocr-'));
    try {
      await runTool({
        tool: 'pdftoppm',
        bin: engine.pdftoppm,
        args: [
          '-r',
          '300',
          '-scale-to',
          String(OCR_PAGE_SIDE),
          '-f',
          '1',
          '-l',
          String(MAX_OCR_PAGES),
          '-gray',
          '-png',
          '-',
          path.join(dir, 'page'),
        ],
        input: file,
        timeoutMs: deadline - Date.now(),
      }).catch((err) => unreadable(err, 'PDF'));
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
      const lines: OcrWord[][] = [];
      for (const page of pages)
        lines.push(
          ...(await readImage(engine, await readFile(path.join(dir, page)), deadline, 'PDF')),
        );
      return lines;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
