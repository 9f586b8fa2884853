import path from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import sax from 'sax';
import {
  MAX_XML_DEPTH,
  MAX_CELL_CHARS,
  MAX_SHARED_STRING_CHARS,
  MAX_SHARED_STRINGS,
  unprocessable,
} from './limits';
import { openEntry, type Archive } from './xlsx-zip';

/*
 * The parts of a workbook the rows depend on: which sheet is first, its shared strings, and
 * which cell styles are dates. Read with sax, which hands long text over in 64 KB pieces,
 * so a cell's length is refused as it grows instead of after a 100 MB string is built.
 */

/** Element name without its namespace prefix (`x:row` → `row`). */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);

export function xmlParser(): sax.SAXParser {
  const parser = sax.parser(true, { trim: false, normalize: false });
  parser.onerror = (err) => {
    throw unprocessable(`The XLSX file could not be read: ${err.message.split('\n')[0]}`);
  };
  // Counted as each element opens: sax keeps the open elements on a stack.
  parser.onopentagstart = () => {
    if ((parser as unknown as { tags: unknown[] }).tags.length >= MAX_XML_DEPTH)
      throw unprocessable(
        `The XLSX file nests its XML more than ${MAX_XML_DEPTH} elements deep; a workbook nests a few`,
      );
  };
  return parser;
}

/** Feeds an inflating stream to the parser; yields the bytes read after each chunk. */
export async function* feed(stream: Readable, parser: sax.SAXParser): AsyncGenerator<number> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    parser.write(decoder.write(chunk));
    yield bytes;
  }
  parser.write(decoder.end());
  parser.close();
}

async function readAll(archive: Archive, name: string, parser: sax.SAXParser) {
  const stream = await openEntry(archive, name);
  if (stream) for await (const _ of feed(stream, parser));
  return Boolean(stream);
}

export interface SheetInfo {
  path: string;
  date1904: boolean;
}

/** The first sheet in the workbook's own order (not the zip's), and its date system. */
export async function firstSheet(archive: Archive): Promise<SheetInfo> {
  let relId: string | undefined;
  let date1904 = false;
  const book = xmlParser();
  book.onopentag = (tag) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
    if (name === 'sheet' && relId === undefined)
      relId = Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
  };
  await readAll(archive, 'xl/workbook.xml', book);

  let target: string | undefined;
  const rels = xmlParser();
  rels.onopentag = (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    if (local(tag.name) === 'Relationship' && attrs.Id === relId) target = attrs.Target;
  };
  if (relId) await readAll(archive, 'xl/_rels/workbook.xml.rels', rels);
  const resolved = target?.startsWith('/')
    ? target.slice(1)
    : target && path.posix.normalize(`xl/${target}`);
  const sheet = [resolved, 'xl/worksheets/sheet1.xml'].find(
    (p): p is string => !!p && archive.entries.has(p),
  );
  if (!sheet) throw unprocessable('The workbook has no worksheet');
  return { path: sheet, date1904 };
}

/** Every shared string, rich-text runs joined and phonetic hints left out. */
export async function sharedStrings(archive: Archive): Promise<string[]> {
  const strings: string[] = [];
  let current: string | undefined;
  let chars = 0;
  const tooMany = () =>
    unprocessable(
      `The workbook holds more than ${MAX_SHARED_STRINGS} distinct texts or ${MAX_SHARED_STRING_CHARS} characters of them; split it into several files`,
    );
  let inText = false;
  let phonetic = 0;
  const parser = xmlParser();
  parser.onopentag = (tag) => {
    const name = local(tag.name);
    if (name === 'si') {
      if (strings.length >= MAX_SHARED_STRINGS) throw tooMany();
      current = '';
    } else if (name === 'rPh') phonetic++;
    else if (name === 't') inText = phonetic === 0;
  };
  parser.ontext = (text) => {
    if (!inText || current === undefined) return;
    current += text;
    if ((chars += text.length) > MAX_SHARED_STRING_CHARS) throw tooMany();
    if (current.length > MAX_CELL_CHARS)
      throw unprocessable(
        `The workbook holds a text of more than ${MAX_CELL_CHARS} characters (Excel's limit for a cell)`,
      );
  };
  parser.onclosetag = (tagName) => {
    const name = local(tagName);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current !== undefined) {
      strings.push(current);
      current = undefined;
    }
  };
  await readAll(archive, 'xl/sharedStrings.xml', parser);
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
// As exceljs decides: a format with day, month, year or time letters outside quotes and [].
const isDateCode = (code: string) =>
  /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style index (`s`), whether numbers in it are dates. */
export async function dateStyles(archive: Archive): Promise<boolean[]> {
  const customDates = new Set<number>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const parser = xmlParser();
  parser.onopentag = (tag) => {
    const name = local(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (name === 'numFmt' && isDateCode(attrs.formatCode ?? ''))
      customDates.add(Number(attrs.numFmtId));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) {
      const id = Number(attrs.numFmtId ?? 0);
      styles.push(BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id));
    }
  };
  parser.onclosetag = (name) => {
    if (local(name) === 'cellXfs') inCellXfs = false;
  };
  await readAll(archive, 'xl/styles.xml', parser);
  return styles;
}
