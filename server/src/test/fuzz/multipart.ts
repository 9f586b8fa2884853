import fc from 'fast-check';
import { csvOf, pdfWithStream } from '../invoices';
import { hostileString } from './values';

/*
 * Multipart bodies for the upload routes, written byte by byte so that they can be wrong in
 * every way a client gets them wrong: no boundary, cut off, a part header that is not one,
 * two files, no file, a field the route does not know.
 */
const BOUNDARY = 'fuzz-boundary-7MA4YWxk';

const FILES = {
  csv: () =>
    csvOf([
      ['name', 'price', 'Description', 'Qty', 'Unit Cost'],
      ['Tea', 2, 'Tea', 3, 1.5],
    ]),
  pdf: () => pdfWithStream(Buffer.from('BT /F1 12 Tf 40 800 Td (Tea 3 1.50 4.50) Tj ET'), []),
  xlsx: () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 1)]),
  empty: () => Buffer.alloc(0),
};

const part = (name: string, value: Buffer | string, filename?: string) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"` +
        (filename === undefined ? '' : `; filename="${filename}"`) +
        `\r\n${filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`,
    ),
    Buffer.isBuffer(value) ? value : Buffer.from(value),
    Buffer.from('\r\n'),
  ]);
const end = Buffer.from(`--${BOUNDARY}--\r\n`);

export interface RawBody {
  contentType: string;
  body: Buffer;
}

/** A multipart body for a route whose form has these text fields (and `file`). */
export function multipartBody(
  fields: Record<string, string[]>,
  heavy = false,
): fc.Arbitrary<RawBody> {
  const names = Object.keys(fields);
  const field = names.length
    ? fc
        .constantFrom(...names)
        .chain((name) =>
          fc.tuple(
            fc.constant(name),
            fc.oneof(fc.constantFrom(...(fields[name] ?? ['x'])), hostileString),
          ),
        )
    : fc.tuple(hostileString, hostileString);
  const file = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom('csv', 'xlsx', 'empty').map((k) => FILES[k as 'csv']()),
    },
    { weight: 1, arbitrary: fc.constant('pdf').map(() => FILES.pdf()) },
    {
      weight: 2,
      arbitrary: fc.uint8Array({ maxLength: heavy ? 200_000 : 2000 }).map((b) => Buffer.from(b)),
    },
  );
  const parts = fc.tuple(fc.array(field, { maxLength: 3 }), file, hostileString);
  return fc
    .tuple(
      parts,
      fc.constantFrom(
        'good',
        'no-boundary',
        'cut',
        'bad-header',
        'two-files',
        'no-file',
        'file-name',
      ),
    )
    .map(([[extra, content, junk], how]) => {
      const form = [...extra.map(([n, v]) => part(n, v)), part('file', content, 'upload.csv')];
      const type = `multipart/form-data; boundary=${BOUNDARY}`;
      switch (how) {
        case 'no-boundary':
          return { contentType: 'multipart/form-data', body: Buffer.concat([...form, end]) };
        case 'cut': {
          const whole = Buffer.concat([...form, end]);
          return { contentType: type, body: whole.subarray(0, Math.floor(whole.length / 2)) };
        }
        case 'bad-header':
          return {
            contentType: type,
            body: Buffer.from(
              `--${BOUNDARY}\r\n${junk}${'x'.repeat(9000)}\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
            ),
          };
        case 'two-files':
          return {
            contentType: type,
            body: Buffer.concat([...form, part('file', content, 'b.csv'), end]),
          };
        case 'no-file':
          return {
            contentType: type,
            body: Buffer.concat([...extra.map(([n, v]) => part(n, v)), end]),
          };
        case 'file-name':
          return {
            contentType: type,
            body: Buffer.concat([part(junk || 'x', content, junk), end]),
          };
        default:
          return { contentType: type, body: Buffer.concat([...form, end]) };
      }
    });
}
