import { decodeStream } from './pdf-filters';
import { isRegular, Lexer, tooDeep, type PdfValue, type Token } from './pdf-lexer';
import {
  MAX_DECODED_BYTES,
  MAX_DOCUMENT_PAGES,
  MAX_FILTERS,
  MAX_NESTING,
  MAX_OBJECTS,
  megabytes,
  PdfLimitError,
} from './pdf-limits';

/*
 * Reads a PDF the way its cost would grow, before pdf.js does: every stream is found by its
 * `stream` keyword (not by following the cross-reference table, which a hostile file can
 * point anywhere), its dictionary read, its filters decoded under the budget, and the objects,
 * pages and nesting counted as they are met — inside object streams too. Whatever pdf.js
 * decodes later, the scan has decoded first within the limits.
 */

export interface ScanReport {
  objects: number;
  pages: number;
  streams: number;
  decodedBytes: number;
}

const unreadable = (what: string) =>
  new PdfLimitError(`The PDF could not be checked before reading: ${what}`, 'malformed');

/** A keyword standing alone (not inside a longer word) at or after `from`, or -1. */
function keyword(buf: Buffer, word: string, from: number, end = buf.length): number {
  for (let at = buf.indexOf(word, from, 'latin1'); at >= 0 && at < end;) {
    if (!isRegular(buf[at - 1]) && !isRegular(buf[at + word.length])) return at;
    at = buf.indexOf(word, at + 1, 'latin1');
  }
  return -1;
}

/** The last standalone `word` in [from, before), or -1. */
function lastKeyword(buf: Buffer, word: string, before: number, from: number): number {
  for (let at = buf.lastIndexOf(word, before - word.length, 'latin1'); at >= from;) {
    if (!isRegular(buf[at - 1]) && !isRegular(buf[at + word.length])) return at;
    at = buf.lastIndexOf(word, at - 1, 'latin1');
  }
  return -1;
}

const isName = (v: PdfValue | undefined, name: string) =>
  !!v && typeof v === 'object' && 'name' in v && v.name === name;

export async function scanPdf(buf: Buffer): Promise<ScanReport> {
  const report: ScanReport = { objects: 0, pages: 0, streams: 0, decodedBytes: 0 };
  const objectIndex = new Map<string, number>();
  let text: string | undefined;

  /** Where `n g obj` starts its value, found by searching the file (a reference's target). */
  function locate(ref: string): number | undefined {
    if (objectIndex.has(ref)) return objectIndex.get(ref);
    const [n, g] = ref.split(' ');
    const re = new RegExp(
      `(?<![0-9])${n}[\\0\\t\\n\\f\\r ]+${g}[\\0\\t\\n\\f\\r ]+obj(?![A-Za-z])`,
    );
    text ??= buf.toString('latin1');
    const m = re.exec(text);
    const at = m ? m.index + m[0].length : undefined;
    objectIndex.set(ref, at ?? -1);
    return at;
  }
  /** A value, following a reference (one step; pdf.js would follow it too). */
  function resolve(v: PdfValue | undefined): PdfValue | undefined {
    if (!v || typeof v !== 'object' || !('ref' in v)) return v;
    const at = locate(v.ref);
    if (at === undefined || at < 0) throw unreadable(`object ${v.ref} is not in the file`);
    return new Lexer(buf, at, buf.length).value();
  }

  function filtersOf(dict: Map<string, PdfValue>, where: string) {
    // pdf.js reads the short names first, whatever they hold.
    const filter = resolve(dict.has('F') ? dict.get('F') : dict.get('Filter'));
    const names = (Array.isArray(filter) ? filter.map(resolve) : filter ? [filter] : []).map(
      (f) => {
        if (!f || typeof f !== 'object' || !('name' in f))
          throw unreadable(`the filters of its ${where}`);
        return f.name;
      },
    );
    if (names.length > MAX_FILTERS) {
      throw new PdfLimitError(
        `The PDF's ${where} chains ${names.length} filters; at most ${MAX_FILTERS} are read`,
        'max_filters',
      );
    }
    const parms = resolve(dict.has('DP') ? dict.get('DP') : dict.get('DecodeParms'));
    return names.map((name, i) => {
      const p = resolve(Array.isArray(parms) ? parms[i] : parms);
      const early = p instanceof Map ? resolve(p.get('EarlyChange')) : undefined;
      return { name, earlyChange: typeof early === 'number' ? early : undefined };
    });
  }

  function count(objects: number) {
    report.objects += objects;
    if (report.objects > MAX_OBJECTS)
      throw new PdfLimitError(`The PDF has more than ${MAX_OBJECTS} objects`, 'max_objects');
  }

  /** Tokens of a region outside stream data: objects, pages (`/Type /Page`) and nesting. */
  function walk(data: Buffer, from: number, to: number, countObjects: boolean) {
    const lex = new Lexer(data, from, to);
    let depth = 0;
    let previous: Token | undefined;
    for (let tok = lex.next(); tok; previous = tok, tok = lex.next()) {
      if (tok.t === 'open' && ++depth > MAX_NESTING) throw tooDeep();
      if (tok.t === 'close') depth = Math.max(0, depth - 1);
      if (countObjects && tok.t === 'kw' && tok.v === 'obj') count(1);
      if (tok.t === 'name' && tok.v === 'Page' && previous?.t === 'name' && previous.v === 'Type')
        if (++report.pages > MAX_DOCUMENT_PAGES)
          throw new PdfLimitError(
            `The PDF has more than ${MAX_DOCUMENT_PAGES} pages; an invoice has a few`,
            'max_pages',
          );
    }
  }

  let pos = 0;
  for (;;) {
    const at = keyword(buf, 'stream', pos);
    if (at < 0) break;
    // pdf.js starts a stream only after a dictionary: `>>` right before the keyword.
    let before = at - 1;
    while (before >= 0 && [0, 9, 10, 12, 13, 32].includes(buf[before]!)) before--;
    if (buf[before] !== 62 || buf[before - 1] !== 62) {
      pos = at + 6;
      continue;
    }
    const { obj, dict } = streamDictionary(buf, pos, at, before + 1);
    walk(buf, pos, obj + 3, true);

    let start = at + 6;
    if (buf[start] === 13) start++;
    if (buf[start] === 10) start++;
    const declared = resolve(dict.get('Length'));
    let end = -1;
    if (typeof declared === 'number' && declared >= 0 && start + declared <= buf.length) {
      const after = keyword(buf, 'endstream', start + declared, start + declared + 4);
      if (after >= 0) end = start + declared;
    }
    if (end < 0) {
      const found = keyword(buf, 'endstream', start);
      end = found < 0 ? buf.length : found;
    }

    report.streams++;
    const where = `stream of object ${headerOf(buf, obj)}`;
    const decoded = await decodeStream(buf.subarray(start, end), filtersOf(dict, where), where);
    report.decodedBytes += decoded.length;
    if (report.decodedBytes > MAX_DECODED_BYTES) {
      throw new PdfLimitError(
        `The PDF's streams unpack to more than ${megabytes(MAX_DECODED_BYTES)} in all, ` +
          'the most a file may hold: it looks like a decompression bomb',
        'max_decoded_bytes',
      );
    }
    if (isName(dict.get('Type'), 'ObjStm')) {
      const n = resolve(dict.get('N'));
      count(typeof n === 'number' ? n : 0);
      walk(decoded, 0, decoded.length, false);
    }
    pos = end + 9;
  }
  walk(buf, pos, buf.length, true);
  return report;
}

/**
 * The dictionary that ends at `dictEnd`, right before a `stream` keyword, read from the `obj`
 * keyword that opens its object. A string in the dictionary may hold the word "obj": earlier
 * ones are tried until one reads as a dictionary ending there.
 */
function streamDictionary(buf: Buffer, from: number, at: number, dictEnd: number) {
  let obj = at;
  for (let tries = 0; tries < 8; tries++) {
    obj = lastKeyword(buf, 'obj', obj, from);
    if (obj < 0) break;
    const lex = new Lexer(buf, obj + 3, at);
    const dict = lex.value();
    if (dict instanceof Map && lex.pos === dictEnd) return { obj, dict };
  }
  throw unreadable('a stream has no readable dictionary');
}

/** `4 0` for the header of the object whose `obj` keyword is at `obj`. */
function headerOf(buf: Buffer, obj: number): string {
  const text = buf.toString('latin1', Math.max(0, obj - 24), obj);
  return /(\d+)\s+(\d+)\s*$/.exec(text)?.slice(1, 3).join(' ') ?? '?';
}
