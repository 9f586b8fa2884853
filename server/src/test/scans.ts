import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

/*
 * Scanned invoices made in the tests: an invoice's text drawn as SVG, rasterised by sharp,
 * with grain, a slight skew and JPEG artefacts as a scanner or a phone leaves them, and its
 * text twin (the same invoice as a text PDF, test/invoices.ts's textPdf).
 */

export interface ScanItem {
  sku?: string;
  description: string;
  quantity: number;
  unitCost: number;
}

export interface ScanInvoice {
  supplier: string;
  number: string;
  date: string;
  items: ScanItem[];
}

export interface ScanStyle {
  font: string;
  /** Pixels per em. */
  size: number;
  /** The grain's standard deviation (0–255). */
  noise: number;
  /** Degrees of skew. */
  angle: number;
  format: 'png' | 'jpeg';
}

export const CLEAN: ScanStyle = {
  font: 'DejaVu Sans',
  size: 28,
  noise: 30,
  angle: 0.8,
  format: 'png',
};

const money = (n: number) => n.toFixed(2);
const lineTotal = (i: ScanItem) => Math.round(i.quantity * i.unitCost * 100) / 100;
const subtotal = (inv: ScanInvoice) => inv.items.reduce((s, i) => s + lineTotal(i), 0);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The invoice as the text lines a PDF would hold: the twin of its scan. */
export function invoiceText(inv: ScanInvoice): string[] {
  return [
    inv.supplier,
    `Invoice No: ${inv.number}`,
    `Date: ${inv.date}`,
    'Description  Qty  Unit Price  Total',
    ...inv.items.map(
      (i) =>
        `${i.sku ? `${i.sku} ` : ''}${i.description}  ${i.quantity}  ${money(i.unitCost)}  ${money(lineTotal(i))}`,
    ),
    `Subtotal ${money(subtotal(inv))}`,
    `Total ${money(subtotal(inv))}`,
  ];
}

/** The invoice printed in columns (numbers right-aligned), scanned: a PNG or JPEG. */
export async function scanOf(inv: ScanInvoice, style: ScanStyle = CLEAN): Promise<Buffer> {
  const width = 1240;
  const gap = Math.round(style.size * 1.7);
  const rows: Array<[string, number, 'start' | 'end']> = [];
  const at = (n: number) => 80 + n * gap;
  let n = 0;
  rows.push([inv.supplier, 80, 'start']);
  rows.push([`Invoice No: ${inv.number}`, 80, 'start']);
  rows.push([`Date: ${inv.date}`, 80, 'start']);
  const texts: string[] = [];
  const text = (s: string, x: number, y: number, anchor: 'start' | 'end') =>
    texts.push(
      `<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="${style.font}" font-size="${style.size}" fill="#1a1a1a">${escape(s)}</text>`,
    );
  for (const [s, x, anchor] of rows) text(s, x, at(n++), anchor);
  n++;
  const columns = (cells: string[]) => {
    const y = at(n++);
    text(cells[0]!, 80, y, 'start');
    text(cells[1]!, 800, y, 'end');
    text(cells[2]!, 990, y, 'end');
    text(cells[3]!, 1170, y, 'end');
  };
  columns(['Description', 'Qty', 'Unit Price', 'Total']);
  for (const i of inv.items)
    columns([
      `${i.sku ? `${i.sku} ` : ''}${i.description}`,
      String(i.quantity),
      money(i.unitCost),
      money(lineTotal(i)),
    ]);
  n++;
  text(`Subtotal ${money(subtotal(inv))}`, 80, at(n++), 'start');
  text(`Total ${money(subtotal(inv))}`, 80, at(n++), 'start');
  const height = at(n) + 60;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbfaf7"/>${texts.join('')}</svg>`;
  const grain = await sharp(grainOf(width, height, style.noise), {
    raw: { width, height, channels: 1 },
  })
    .png()
    .toBuffer();
  const scan = sharp(Buffer.from(svg))
    .composite([{ input: grain, blend: 'overlay' }])
    .rotate(style.angle, { background: '#ffffff' })
    .greyscale();
  return style.format === 'png' ? scan.png().toBuffer() : scan.jpeg({ quality: 70 }).toBuffer();
}

/**
 * Gaussian grain around mid-grey (overlaid, it darkens and lightens), from a fixed seed: the
 * same invoice and style make the same scan, so what OCR reads does not vary between runs.
 */
function grainOf(width: number, height: number, sigma: number): Buffer {
  let seed = 0x9e3779b9 ^ (width * 31 + height) ^ Math.round(sigma * 1000);
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const out = Buffer.alloc(width * height);
  for (let i = 0; i < out.length; i++) {
    // The sum of four uniforms: near enough to a normal distribution for grain.
    const z = (random() + random() + random() + random() - 2) * Math.sqrt(3);
    out[i] = Math.max(0, Math.min(255, Math.round(128 + z * sigma)));
  }
  return out;
}

/** A scanned PDF: one page that is only the scan's image, no text layer. */
export async function scannedPdf(image: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const embedded = await doc.embedPng(image);
  const h = (595 * embedded.height) / embedded.width;
  page.drawImage(embedded, { x: 0, y: 842 - h, width: 595, height: h });
  return Buffer.from(await doc.save());
}

/**
 * A PNG whose header claims `width` × `height` pixels over a few bytes of data: a pixel bomb
 * (what a decoder would allocate for it is what it claims).
 */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  // The IHDR's CRC over its type and data, so a reader takes the header as valid.
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)), 29);
  return out;
}

const ocrInstalled = ['tesseract', 'pdftoppm'].every(
  (bin) => spawnSync(bin, ['-v'], { stdio: 'ignore' }).error === undefined,
);

/**
 * `describe` when Debian's OCR engines are installed; a loud failure on CI, a clear skip
 * elsewhere (as the browser tests do without chromium).
 */
export function describeWithOcr(name: string, body: () => void) {
  if (ocrInstalled) return describe(name, body);
  const message =
    'tesseract or pdftoppm not found (apt-get install tesseract-ocr tesseract-ocr-eng poppler-utils).';
  if (process.env.CI) throw new Error(`${message} The OCR tests cannot run on CI without them.`);
  process.stderr.write(`Skipping the OCR tests "${name}": ${message}\n`);
  return describe.skip(name, body);
}
