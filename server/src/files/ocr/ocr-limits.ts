import { UnprocessableError } from '../../core/errors';

/*
 * What reading one scan by OCR may cost. A photo of an invoice is a few megapixels; a scanned
 * A4 page at 300 dpi is 8.7. An image whose header claims more pixels than this is refused
 * before anything decodes it (a 60 KB PNG can claim 10 gigapixels); a scanned PDF's pages are
 * rasterised at most OCR_PAGE_SIDE pixels on their long side, so they stay within it too.
 */

/** Pixels of one image (width × height), and its longest side. */
export const MAX_OCR_PIXELS = 40_000_000;
export const MAX_OCR_SIDE = 12_000;
/** A scanned PDF: its first pages are read, each rasterised this many pixels on its long side. */
export const MAX_OCR_PAGES = 5;
export const OCR_PAGE_SIDE = 3_300;
/** One engine run (tesseract on one image, pdftoppm on a PDF): its time and resident memory. */
export const OCR_TIMEOUT_MS = 30_000;
export const OCR_RSS_MB = 768;
/** A whole scan, all of its pages together. */
export const OCR_TOTAL_MS = 90_000;
/** What an engine may print (tesseract's TSV of a dense page is ~100 KB). */
export const OCR_OUTPUT_BYTES = 8 * 1024 * 1024;

/** A limit the scan broke: a 422 that names it. */
export class OcrLimitError extends UnprocessableError {
  constructor(
    message: string,
    readonly limit: string,
  ) {
    super(message, [{ field: 'file', message, code: limit }]);
  }
}

/** The engine is not installed here: the 422 says how to install it. */
export class OcrMissingError extends UnprocessableError {
  constructor(what: 'tesseract' | 'pdftoppm') {
    const install =
      what === 'tesseract'
        ? 'apt-get install tesseract-ocr tesseract-ocr-eng'
        : 'apt-get install poppler-utils';
    super(
      `Reading a scanned invoice needs OCR, and ${what === 'tesseract' ? 'the OCR engine (tesseract with its English data)' : 'the PDF rasteriser (pdftoppm)'} is not installed on this server. ` +
        `Ask the administrator to install it (Debian/Ubuntu: \`${install}\`) and restart Nimbus, or upload the CSV, XLSX or text PDF the supplier sends.`,
      [{ field: 'file', message: `${what} is not installed: ${install}`, code: 'ocr_unavailable' }],
    );
  }
}
