import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The fonts our PDFs (purchase orders, labels) set text in. pdfkit's built-in Helvetica
 * covers Latin-1 only: "Żubrówka" or "Čaj" printed as garbage. DejaVu Sans (Debian's
 * `fonts-dejavu-core`, installed by .ci/run and the Dockerfile) covers Latin, Greek and
 * Cyrillic and is embedded, subset, in each file. Where it is missing (a laptop without it)
 * the documents fall back to Helvetica rather than fail. CJK is not in DejaVu: such
 * characters print as empty boxes (their text is still extractable).
 */
const DIR = '/usr/share/fonts/truetype/dejavu';
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Whether the Unicode fonts are in use (false: Helvetica, Latin-1 only). */
  unicode: boolean;
}

const installed = new Map<string, boolean>();

/**
 * Registers the fonts on `doc` and answers the names to pass to `doc.font()`: DejaVu Sans from
 * `dir` when it is there (looked up once per directory), else Helvetica.
 */
export function pdfFonts(doc: PDFKit.PDFDocument, dir = DIR): PdfFonts {
  const regular = path.join(dir, FILES.regular);
  const bold = path.join(dir, FILES.bold);
  if (!installed.has(dir)) installed.set(dir, existsSync(regular) && existsSync(bold));
  if (!installed.get(dir)) return { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
  doc.registerFont('Body', regular);
  doc.registerFont('Body-Bold', bold);
  return { regular: 'Body', bold: 'Body-Bold', unicode: true };
}
