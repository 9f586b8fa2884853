import { createHash, randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { StoreMember } from './factories';

/*
 * Invoice files made in the tests: CSV text, XLSX workbooks (ExcelJS), and PDFs (pdf-lib)
 * with a text layer or only an image, as a scanner makes them.
 */

/** POST /invoices: the form fields, then the file. */
export function uploadInvoice(
  s: StoreMember,
  file: Buffer,
  filename: string,
  fields: Record<string, string> = {},
) {
  let req = s.api.post(`${s.url}/invoices`).set(s.auth);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  return req.attach('file', file, filename);
}

/** Rows of cells as CSV, quoted where needed. */
export function csvOf(rows: unknown[][]): Buffer {
  const cell = (v: unknown) => {
    const text = v === undefined || v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(rows.map((r) => r.map(cell).join(',')).join('\n') + '\n');
}

/** A workbook whose first sheet holds the rows; `{ formula }` cells are real formulas. */
export async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Invoice');
  for (const r of rows) sheet.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A PDF whose page holds these text lines, as an invoicing program prints them. */
export async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((text, i) => page.drawText(text, { x: 40, y: 800 - i * 18, size: 10, font }));
  return Buffer.from(await doc.save());
}

// A 1×1 grey PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);

/** A scanned invoice: one page that is only an image, no text layer. */
export async function imagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const image = await doc.embedPng(PNG);
  page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** A PDF written by hand: these objects (numbered from 1), a cross-reference table, a trailer. */
function writePdf(objects: Buffer[], trailer: string): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = parts[0]!.length;
  const offsets = objects.map((body, i) => {
    const at = length;
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
    return at;
  });
  const rows = offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}` +
        `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/** One page whose content (object 4) is `data` with these filters, and any further objects. */
function onePage(data: Buffer, filters: string[], more: Buffer[] = [], trailer = '') {
  const names = filters.map((f) => `/${f}`).join(' ');
  return writePdf(
    [
      Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
      Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
      Buffer.from(
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
      ),
      Buffer.concat([
        Buffer.from(`<< /Length ${data.length} /Filter [${names}] >>\nstream\n`),
        data,
        Buffer.from('\nendstream'),
      ]),
      ...more,
    ],
    trailer,
  );
}

/**
 * A one-page PDF, written by hand, whose content stream is `data` with these filters
 * (`['FlateDecode', 'FlateDecode']`: compressed twice).
 */
export const pdfWithStream = (data: Buffer, filters: string[]) => onePage(data, filters);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const PASSWORD_PAD = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);

/**
 * The same page encrypted as PDF 1.1 did it (RC4, 40-bit key, empty user password): any
 * reader opens it without asking, but its streams are ciphertext to anyone who does not
 * decrypt them first.
 */
export function encryptedPdfWithStream(data: Buffer, filters: string[]): Buffer {
  const id = randomBytes(16);
  const p = Buffer.alloc(4);
  p.writeInt32LE(-4);
  const owner = rc4(md5(PASSWORD_PAD).subarray(0, 5), PASSWORD_PAD);
  const key = md5(PASSWORD_PAD, owner, p, id).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const objectKey = md5(key, Buffer.from([4, 0, 0, 0, 0])).subarray(0, 10);
  const encrypt = Buffer.from(
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`,
  );
  return onePage(
    rc4(objectKey, data),
    filters,
    [encrypt],
    `/Encrypt 5 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`,
  );
}

/**
 * A zlib stream of `bytes` spaces (a multiple of 64 MiB) without holding them: one 64 MiB
 * block compressed once and repeated (a block ends on a sync flush, so blocks chain), an
 * empty final block, and the checksum worked out for the whole.
 */
export function zlibOfSpaces(bytes: number): Buffer {
  const blockSize = 64 * 1024 * 1024;
  const blocks = bytes / blockSize;
  const block = zlib.deflateRawSync(Buffer.alloc(blockSize, 0x20), {
    level: 9,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const n = BigInt(bytes);
  const c = 0x20n;
  const a = (1n + n * c) % 65521n;
  const b = (n + (c * (n * (n + 1n))) / 2n) % 65521n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((b << 16n) | a));
  return Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...new Array<Buffer>(blocks).fill(block),
    zlib.deflateRawSync(Buffer.alloc(0)),
    adler,
  ]);
}

/** The PDF bomb: ~9 KB whose content stream, compressed twice, unpacks to 4 GiB of spaces. */
export function bombPdf({ encrypted = false } = {}): Buffer {
  const twice = zlib.deflateSync(zlibOfSpaces(4 * 1024 ** 3), { level: 9 });
  const filters = ['FlateDecode', 'FlateDecode'];
  return encrypted ? encryptedPdfWithStream(twice, filters) : pdfWithStream(twice, filters);
}
