import zlib from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfWithStream, textPdf } from '../../test/invoices';
import { decodeStream } from './pdf-filters';
import { MAX_DOCUMENT_PAGES, MAX_NESTING, MAX_OBJECTS } from './pdf-limits';
import { scanPdf } from './pdf-scan';

/*
 * The budget a PDF is checked against before pdf.js reads it: every filter a text reader
 * meets is decoded under it, however the file spells or hides its filters, and objects, pages
 * and nesting are counted, inside object streams too. Pure: no server, no pdf.js.
 */
const MB = 1024 * 1024;
const limitOf = (file: Buffer) =>
  scanPdf(file).then(
    () => 'accepted',
    (err: { limit?: string; message: string }) => err.limit ?? err.message,
  );
const deflated = (bytes: number) => zlib.deflateSync(Buffer.alloc(bytes), { level: 9 });

/** PDF's LZW for a run of zeros: each code one byte longer than the last, cleared when full. */
function lzwZeros(cycles: number): Buffer {
  const out: number[] = [];
  let acc = 0;
  let accBits = 0;
  let bits = 9;
  let next = 258;
  let previous = -1;
  const emit = (code: number) => {
    acc = (acc << bits) | code;
    accBits += bits;
    while (accBits >= 8) {
      out.push((acc >>> (accBits - 8)) & 255);
      accBits -= 8;
    }
    acc &= (1 << accBits) - 1;
    if (code === 256) return void ((next = 258), (bits = 9), (previous = -1));
    if (previous >= 0 && next < 4096) next++;
    previous = code;
    if (next + 1 >= 1 << bits && bits < 12) bits++;
  };
  for (let c = 0; c < cycles; c++) {
    emit(256);
    emit(0);
    while (next < 4094) emit(next);
  }
  emit(257);
  if (accBits) out.push((acc << (8 - accBits)) & 255);
  return Buffer.from(out);
}

/** RunLengthDecode's encoding: runs of up to 128 equal bytes, literals otherwise. */
function runLength(data: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length;) {
    let run = 1;
    while (run < 128 && data[i + run] === data[i]) run++;
    if (run > 1) {
      out.push(257 - run, data[i]!);
      i += run;
    } else {
      out.push(0, data[i]!);
      i++;
    }
  }
  return Buffer.from([...out, 128]);
}

function ascii85(data: Buffer): Buffer {
  let text = '';
  for (let i = 0; i < data.length; i += 4) {
    const group = Buffer.alloc(4);
    data.copy(group, 0, i, i + 4);
    let v = group.readUInt32BE(0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++, v = Math.floor(v / 85))
      digits.unshift(String.fromCharCode(33 + (v % 85)));
    text += digits.slice(0, Math.min(4, data.length - i) + 1).join('');
  }
  return Buffer.from(`${text}~>`);
}

test('when a PDF is an ordinary invoice (pdf-lib puts its pages in object streams), then it is accepted and its pages and objects are counted', async () => {
  expect(await limitOf(await textPdf(['ACME', 'Milk 12 1.25 15.00']))).toBe('accepted');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < 60; i++) doc.addPage().drawText(`Page ${i}`, { x: 50, y: 700, font });
  const report = await scanPdf(Buffer.from(await doc.save()));
  expect(report.pages).toBe(60);
  expect(report.objects).toBeGreaterThan(120);
  expect(report.decodedBytes).toBeLessThan(MB);
});

test('the decoders give back what was encoded: LZW, run-length, ASCII85, hex, Flate', async () => {
  const text = Buffer.from('BT /F1 12 Tf (Milk 12 1.25 15.00) Tj ET '.repeat(50));
  const lzw = await decodeStream(lzwZeros(1), [{ name: 'LZWDecode' }], 'test');
  expect(lzw.length).toBe((3837 * 3838) / 2);
  expect(lzw.every((b) => b === 0)).toBe(true);
  expect(await decodeStream(runLength(text), [{ name: 'RL' }], 'test')).toEqual(text);
  expect(await decodeStream(ascii85(text), [{ name: 'A85' }], 'test')).toEqual(text);
  expect(
    await decodeStream(Buffer.from(`${text.toString('hex')}>`), [{ name: 'AHx' }], 'test'),
  ).toEqual(text);
  const chained = ascii85(zlib.deflateSync(text));
  expect(
    await decodeStream(chained, [{ name: 'ASCII85Decode' }, { name: 'FlateDecode' }], 'test'),
  ).toEqual(text);
});

test.each([
  [
    'Flate twice (4 GiB of spaces in 9 KB)',
    () => zlib.deflateSync(deflated(40 * MB)),
    ['FlateDecode', 'FlateDecode'],
  ],
  [
    'a name spelled with #xx escapes',
    () => zlib.deflateSync(deflated(40 * MB)),
    ['Fl#61teDecode', 'FlateDecode'],
  ],
  ['LZW (a 1,300-fold run)', () => lzwZeros(5), ['LZWDecode']],
  [
    'run-length three times',
    () => runLength(runLength(runLength(Buffer.alloc(40 * MB)))),
    ['RunLengthDecode', 'RL', 'RL'],
  ],
  ['ASCII85 around Flate', () => ascii85(deflated(40 * MB)), ['ASCII85Decode', 'FlateDecode']],
  [
    'hex around Flate',
    () => Buffer.from(deflated(40 * MB).toString('hex')),
    ['ASCIIHexDecode', 'FlateDecode'],
  ],
])(
  'when a stream unpacks past its budget through %s, then it is refused as it unpacks',
  async (_how, data, filters) => {
    expect(await limitOf(pdfWithStream(data(), filters))).toBe('max_stream_bytes');
  },
);

test('when the filters are behind a reference, or the short /F name is used, then they are still followed', async () => {
  const bomb = zlib.deflateSync(deflated(40 * MB));
  const viaRef = Buffer.concat([
    Buffer.from(`%PDF-1.4\n4 0 obj\n<< /Length ${bomb.length} /Filter 9 0 R >>\nstream\n`),
    bomb,
    Buffer.from('\nendstream\nendobj\n9 0 obj\n[/FlateDecode /FlateDecode]\nendobj\n%%EOF\n'),
  ]);
  expect(await limitOf(viaRef)).toBe('max_stream_bytes');
  const short = Buffer.concat([
    Buffer.from(`%PDF-1.4\n4 0 obj\n<< /Length 12 0 R /F [/Fl /Fl] >>\nstream\n`),
    bomb,
    Buffer.from('\nendstream\nendobj\n12 0 obj\n' + bomb.length + '\nendobj\n%%EOF\n'),
  ]);
  expect(await limitOf(short)).toBe('max_stream_bytes');
});

test('when many streams each within their budget unpack past the budget of the file, then it is refused', async () => {
  const each = deflated(20 * MB);
  const parts = [Buffer.from('%PDF-1.4\n')];
  for (let n = 1; n <= 8; n++) {
    parts.push(
      Buffer.from(`${n} 0 obj\n<< /Length ${each.length} /Filter /FlateDecode >>\nstream\n`),
      each,
      Buffer.from('\nendstream\nendobj\n'),
    );
  }
  expect(await limitOf(Buffer.concat(parts))).toBe('max_decoded_bytes');
});

test('when a PDF holds too many objects, pages or nesting (in the file or in an object stream), then it is refused', async () => {
  const objects = Array.from({ length: MAX_OBJECTS + 1 }, (_, i) => `${i + 1} 0 obj null endobj`);
  expect(await limitOf(Buffer.from(`%PDF-1.4\n${objects.join('\n')}`))).toBe('max_objects');

  const pages = Array.from(
    { length: MAX_DOCUMENT_PAGES + 1 },
    (_, i) => `${i + 1} 0 obj << /Type /Page >> endobj`,
  );
  expect(await limitOf(Buffer.from(`%PDF-1.4\n${pages.join('\n')}`))).toBe('max_pages');

  const packed = zlib.deflateSync(
    Buffer.from(new Array(MAX_DOCUMENT_PAGES + 1).fill('<< /Type /Page >>').join(' ')),
  );
  const objectStream = Buffer.concat([
    Buffer.from(
      `%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 3 /First 0 /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`,
    ),
    packed,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  expect(await limitOf(objectStream)).toBe('max_pages');

  const deep = `%PDF-1.4\n1 0 obj ${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)} endobj`;
  expect(await limitOf(Buffer.from(deep))).toBe('max_nesting');
  const deepDict = `%PDF-1.4\n1 0 obj ${'<< /A '.repeat(MAX_NESTING + 1)}1${' >>'.repeat(MAX_NESTING + 1)}\nstream\nx\nendstream endobj`;
  expect(await limitOf(Buffer.from(deepDict))).toBe('max_nesting');
});
