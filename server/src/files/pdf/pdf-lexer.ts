import { MAX_NESTING, PdfLimitError } from './pdf-limits';

/*
 * Just enough of PDF's syntax to read stream dictionaries and count what a file holds:
 * tokens (names with #xx escapes decoded, numbers, keywords), strings skipped, and values
 * built only where asked, with their nesting capped as they are read.
 */
export type Token =
  | { t: 'name'; v: string }
  | { t: 'num'; v: number }
  | { t: 'kw'; v: string }
  | { t: 'str' }
  | { t: 'open'; v: '<<' | '[' }
  | { t: 'close'; v: '>>' | ']' }
  | { t: 'junk' };

export type PdfValue =
  number | boolean | null | { name: string } | { ref: string } | PdfValue[] | Map<string, PdfValue>;

const SPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITER = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);
export const isRegular = (b: number | undefined) =>
  b !== undefined && !SPACE.has(b) && !DELIMITER.has(b);

export const tooDeep = () =>
  new PdfLimitError(
    `The PDF nests dictionaries or arrays more than ${MAX_NESTING} deep`,
    'max_nesting',
  );

export class Lexer {
  constructor(
    private readonly buf: Buffer,
    public pos: number,
    private readonly end: number,
  ) {}

  /** The next token, or undefined at the end of the region. */
  next(): Token | undefined {
    const { buf, end } = this;
    for (;;) {
      while (this.pos < end && SPACE.has(buf[this.pos]!)) this.pos++;
      if (this.pos >= end) return undefined;
      if (buf[this.pos] !== 37) break; // % comment, to the end of the line
      while (this.pos < end && buf[this.pos] !== 10 && buf[this.pos] !== 13) this.pos++;
    }
    const c = buf[this.pos++]!;
    if (c === 40) return this.literal();
    if (c === 60) {
      if (buf[this.pos] === 60) return (this.pos++, { t: 'open', v: '<<' });
      const close = buf.indexOf(62, this.pos);
      this.pos = close < 0 || close >= end ? end : close + 1;
      return { t: 'str' };
    }
    if (c === 62) {
      if (buf[this.pos] === 62) return (this.pos++, { t: 'close', v: '>>' });
      return { t: 'junk' };
    }
    if (c === 91) return { t: 'open', v: '[' };
    if (c === 93) return { t: 'close', v: ']' };
    if (c === 47) return { t: 'name', v: this.word(true) };
    if (!isRegular(c)) return { t: 'junk' };
    this.pos--;
    const w = this.word(false);
    const n = Number(w);
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(w) && Number.isFinite(n)
      ? { t: 'num', v: n }
      : { t: 'kw', v: w };
  }

  private word(name: boolean): string {
    const start = this.pos;
    while (this.pos < this.end && isRegular(this.buf[this.pos])) this.pos++;
    const raw = this.buf.toString('latin1', start, this.pos);
    // pdf.js reads `/Fl#61teDecode` as FlateDecode; so must the check.
    return name
      ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)))
      : raw;
  }

  private literal(): Token {
    let depth = 1;
    while (this.pos < this.end && depth > 0) {
      const c = this.buf[this.pos++];
      if (c === 92) this.pos++;
      else if (c === 40) depth++;
      else if (c === 41) depth--;
    }
    return { t: 'str' };
  }

  /** One value (a dict, an array, a name, a number, a reference), nesting capped. */
  value(depth = 0, first = this.next()): PdfValue | undefined {
    if (!first) return undefined;
    if (first.t === 'num') return first.v;
    if (first.t === 'name') return { name: first.v };
    if (first.t === 'kw') return first.v === 'true' ? true : first.v === 'false' ? false : null;
    if (first.t !== 'open') return null;
    if (depth >= MAX_NESTING) throw tooDeep();
    const items: PdfValue[] = [];
    for (;;) {
      const tok = this.next();
      if (!tok) return undefined; // unterminated
      if (tok.t === 'close') break;
      if (tok.t === 'kw' && tok.v === 'R' && items.length >= 2) {
        const [n, g] = items.splice(-2, 2);
        items.push({ ref: `${String(n)} ${String(g)}` });
        continue;
      }
      const v = this.value(depth + 1, tok);
      if (v === undefined) return undefined;
      items.push(v);
    }
    if (first.v === '[') return items;
    const dict = new Map<string, PdfValue>();
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = items[i];
      if (key && typeof key === 'object' && 'name' in key) dict.set(key.name, items[i + 1]!);
    }
    return dict;
  }
}
