import zlib from 'node:zlib';
import { MAX_STREAM_BYTES, megabytes, PdfLimitError } from './pdf-limits';

/*
 * The PDF stream filters a text reader meets, decoded with a byte budget that is checked as
 * the output grows, so a stream that would unpack to gigabytes stops at the budget. Image
 * codecs (DCT, JPX, JBIG2, CCITT) are not decoded by a text reader: their bytes count as they
 * are. Damaged data ends a stream where it breaks, as pdf.js would read it.
 */

/** Collects a stream's output, refusing to grow past its budget. */
class Sink {
  private readonly chunks: Buffer[] = [];
  length = 0;

  constructor(
    private readonly budget: number,
    private readonly where: string,
  ) {}

  push(chunk: Buffer) {
    this.length += chunk.length;
    if (this.length > this.budget) {
      throw new PdfLimitError(
        `The PDF's ${this.where} unpacks to more than ${megabytes(this.budget)}, the most one ` +
          'stream may hold: it looks like a decompression bomb',
        'max_stream_bytes',
      );
    }
    this.chunks.push(chunk);
  }

  data() {
    return Buffer.concat(this.chunks, this.length);
  }
}

/** zlib (FlateDecode), streamed so the budget stops it mid-way; damaged input ends it. */
function inflate(input: Buffer, sink: Sink): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    z.on('data', (chunk: Buffer) => {
      try {
        sink.push(chunk);
      } catch (err) {
        z.destroy();
        reject(err);
      }
    });
    z.on('end', resolve);
    z.on('error', () => resolve());
    z.end(input);
  });
}

const OUT_SLICE = 64 * 1024;

/** LZWDecode as PDF writes it (9..12-bit codes, clear 256, end 257, EarlyChange). */
function lzw(input: Buffer, sink: Sink, earlyChange: number) {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = first[i] = i;
    length[i] = 1;
  }
  let next = 258;
  let bits = 9;
  let previous = -1;
  let acc = 0;
  let accBits = 0;
  let at = 0;
  let out = Buffer.allocUnsafe(OUT_SLICE);
  let used = 0;
  const write = (code: number) => {
    const n = length[code]!;
    if (used + n > out.length) {
      sink.push(out.subarray(0, used));
      out = Buffer.allocUnsafe(Math.max(OUT_SLICE, n));
      used = 0;
    }
    for (let c = code, i = used + n - 1; c >= 0; c = prefix[c]!, i--) out[i] = suffix[c]!;
    used += n;
  };
  for (;;) {
    while (accBits < bits && at < input.length) {
      acc = ((acc << 8) | input[at++]!) >>> 0;
      accBits += 8;
    }
    if (accBits < bits) break;
    const code = (acc >>> (accBits - bits)) & ((1 << bits) - 1);
    accBits -= bits;
    acc &= (1 << accBits) - 1;
    if (code === 256) {
      next = 258;
      bits = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (code < next && code < 4096 && (code < 256 || length[code]! > 0)) {
      write(code);
      if (previous >= 0 && next < 4096) {
        prefix[next] = previous;
        suffix[next] = first[code]!;
        first[next] = first[previous]!;
        length[next] = length[previous]! + 1;
        next++;
      }
    } else if (code === next && previous >= 0 && next < 4096) {
      prefix[next] = previous;
      suffix[next] = first[previous]!;
      first[next] = first[previous]!;
      length[next] = length[previous]! + 1;
      next++;
      write(code);
    } else break; // damaged
    previous = code;
    if (next + earlyChange >= 1 << bits && bits < 12) bits++;
  }
  sink.push(out.subarray(0, used));
}

/** RunLengthDecode: a length byte, then a literal run or one repeated byte; 128 ends. */
function runLength(input: Buffer, sink: Sink) {
  for (let i = 0; i < input.length;) {
    const n = input[i++]!;
    if (n === 128) break;
    if (n < 128) {
      sink.push(input.subarray(i, i + n + 1));
      i += n + 1;
    } else {
      if (i >= input.length) break;
      sink.push(Buffer.alloc(257 - n, input[i++]!));
    }
  }
}

function asciiHex(input: Buffer, sink: Sink) {
  const text = input.toString('latin1');
  const end = text.indexOf('>');
  const digits = (end < 0 ? text : text.slice(0, end)).replace(/[^0-9a-fA-F]/g, '');
  sink.push(Buffer.from(digits.length % 2 ? digits + '0' : digits, 'hex'));
}

function ascii85(input: Buffer, sink: Sink) {
  const text = input.toString('latin1');
  const end = text.indexOf('~>');
  const body = (end < 0 ? text : text.slice(0, end)).replace(/[\0\t\n\f\r ]/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (g: number[], keep: number) => {
    let v = 0;
    for (const d of g) v = v * 85 + d;
    for (let k = 3; k >= 4 - keep; k--) out.push(Math.floor(v / 256 ** k) % 256);
  };
  for (const ch of body) {
    if (ch === 'z' && !group.length) {
      out.push(0, 0, 0, 0);
    } else {
      const d = ch.charCodeAt(0) - 33;
      if (d < 0 || d > 84) break;
      group.push(d);
      if (group.length === 5) {
        flush(group, 4);
        group = [];
      }
    }
    if (out.length >= OUT_SLICE) sink.push(Buffer.from(out.splice(0)));
  }
  if (group.length > 1) flush([...group, 84, 84, 84, 84].slice(0, 5), group.length - 1);
  sink.push(Buffer.from(out));
}

const ALIASES: Record<string, string> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  DCT: 'DCTDecode',
  CCF: 'CCITTFaxDecode',
};
/** Decoded only by image renderers; a text reader passes over them. */
const IMAGE_CODECS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode']);

/**
 * A stream's bytes through its filters, each step under the stream's budget. An image codec
 * or an unknown filter ends the chain: its bytes are what is left to count.
 */
export async function decodeStream(
  raw: Buffer,
  filters: Array<{ name: string; earlyChange?: number }>,
  where: string,
): Promise<Buffer> {
  let data = raw;
  for (const f of filters) {
    const name = Object.hasOwn(ALIASES, f.name) ? ALIASES[f.name]! : f.name;
    if (IMAGE_CODECS.has(name)) break;
    const sink = new Sink(MAX_STREAM_BYTES, where);
    if (name === 'FlateDecode') await inflate(data, sink);
    else if (name === 'LZWDecode') lzw(data, sink, f.earlyChange ?? 1);
    else if (name === 'RunLengthDecode') runLength(data, sink);
    else if (name === 'ASCIIHexDecode') asciiHex(data, sink);
    else if (name === 'ASCII85Decode') ascii85(data, sink);
    else break;
    data = sink.data();
  }
  return data;
}
