import { UnprocessableError } from '../../core/errors';

/*
 * What reading one PDF may cost. A supplier's invoice is a few pages of text, a logo and a
 * font or two: its streams unpack to a few megabytes. A PDF built to hurt (a 7 KB file whose
 * content stream unpacks to 4 GiB) is refused by these limits while it is being unpacked,
 * before pdf.js sees it; the reader process's memory and time caps are the last resort.
 */
const MB = 1024 * 1024;

/** Bytes one stream may unpack to, through its whole chain of filters (each step counted). */
export const MAX_STREAM_BYTES = 32 * MB;
/** Bytes all streams of the file may unpack to together. */
export const MAX_DECODED_BYTES = 128 * MB;
/** Filters chained on one stream (a real file uses one, sometimes two). */
export const MAX_FILTERS = 4;
/** Indirect objects, those in object streams included. */
export const MAX_OBJECTS = 50_000;
/** Pages in the document; the first MAX_PDF_PAGES of them are read. */
export const MAX_DOCUMENT_PAGES = 500;
export const MAX_PDF_PAGES = 50;
/** Dictionaries and arrays inside one another. */
export const MAX_NESTING = 64;

/** The reader process: its JavaScript heap, its whole resident memory, its time. */
export const READER_HEAP_MB = 256;
export const READER_RSS_MB = 512;
export const READER_TIMEOUT_MS = 15_000;
/** PDFs read at once: per store, and in the whole process. */
export const READS_PER_STORE = 1;
export const READS_TOTAL = 2;
/** How long an upload waits for a free reader before it is refused. */
export const READ_QUEUE_MS = 10_000;

export const megabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** A limit the file broke: a 422 that names it. */
export class PdfLimitError extends UnprocessableError {
  constructor(
    message: string,
    readonly limit: string,
  ) {
    super(message, [{ field: 'file', message, code: limit }]);
  }
}
