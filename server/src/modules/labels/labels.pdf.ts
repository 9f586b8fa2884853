import { setImmediate as nextTurn } from 'node:timers/promises';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { pdfFonts } from '../../files/pdf-fonts';
import { checkBarcode } from '../../core/barcode';

/** One label's facts; `copies` labels of it are printed side by side. */
export interface LabelProduct {
  name: string;
  sku: string;
  barcode: string | null;
  price: number;
  copies: number;
}

export type LabelKind = 'shelf' | 'barcode';
export type Paper = 'a4' | 'letter';

const MM = 72 / 25.4;

/** A sheet of labels: the stock sheets these match (Avery's), in millimetres. */
interface Sheet {
  size: 'A4' | 'LETTER';
  columns: number;
  rows: number;
  width: number;
  height: number;
  left: number;
  top: number;
  /** From one label's left (top) edge to the next one's. */
  pitchX: number;
  pitchY: number;
}

const SHEETS: Record<LabelKind, Record<Paper, Sheet>> = {
  // Shelf labels: Avery L7163 (A4, 2 × 7, 99.1 × 38.1) and 5163 (Letter, 2 × 5, 4 × 2 in).
  shelf: {
    a4: {
      size: 'A4',
      columns: 2,
      rows: 7,
      width: 99.1,
      height: 38.1,
      left: 4.65,
      top: 15.15,
      pitchX: 101.6,
      pitchY: 38.1,
    },
    letter: {
      size: 'LETTER',
      columns: 2,
      rows: 5,
      width: 101.6,
      height: 50.8,
      left: 4,
      top: 12.7,
      pitchX: 104.8,
      pitchY: 50.8,
    },
  },
  // Barcode stickers: Avery L7160 (A4, 3 × 7, 63.5 × 38.1) and 5160 (Letter, 3 × 10, 2.63 × 1 in).
  barcode: {
    a4: {
      size: 'A4',
      columns: 3,
      rows: 7,
      width: 63.5,
      height: 38.1,
      left: 7.2,
      top: 15.1,
      pitchX: 66,
      pitchY: 38.1,
    },
    letter: {
      size: 'LETTER',
      columns: 3,
      rows: 10,
      width: 66.7,
      height: 25.4,
      left: 4.8,
      top: 12.7,
      pitchX: 69.85,
      pitchY: 25.4,
    },
  },
};

/**
 * pdfkit opens an image once and places the opened one as often as it is given (its types
 * leave `openImage` out): one product's barcode is embedded once however many copies.
 */
type ImageSource = Parameters<PDFKit.PDFDocument['image']>[0];
function openImage(doc: PDFKit.PDFDocument, png: Buffer): ImageSource {
  return (doc as unknown as { openImage(src: Buffer): ImageSource }).openImage(png);
}

/** What a product's code is printed as: its barcode's own symbology, else its SKU in Code 128. */
export function symbologyOf(p: Pick<LabelProduct, 'sku' | 'barcode'>): {
  bcid: string;
  text: string;
} {
  const code = p.barcode ?? p.sku;
  const check = checkBarcode(code);
  const kind = check.ok ? check.kind : 'CODE-128';
  const bcid = { 'EAN-13': 'ean13', 'UPC-A': 'upca', 'EAN-8': 'ean8', 'CODE-128': 'code128' }[kind];
  return { bcid, text: code };
}

/** The barcode as a PNG, drawn at 300 dpi or better for the label's size. */
async function barcodePng(p: LabelProduct, heightMm: number): Promise<Buffer> {
  const { bcid, text } = symbologyOf(p);
  return bwipjs.toBuffer({
    bcid,
    text,
    scale: 4,
    height: heightMm,
    includetext: true,
    textxalign: 'center',
    // Quiet zones: a scanner needs the white space around the bars.
    paddingwidth: 10,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
}

/**
 * The labels as a print-ready PDF: one sheet after another, `copies` of each product in a
 * row. Each product's barcode is drawn once and placed as often as needed; between products
 * the event loop gets a turn, so a 2,000-label file does not hold other requests up.
 */
export async function renderLabels(
  products: readonly LabelProduct[],
  opts: { kind: LabelKind; paper: Paper; currency: string; title: string },
): Promise<Buffer> {
  const sheet = SHEETS[opts.kind][opts.paper];
  const doc = new PDFDocument({
    size: sheet.size,
    margin: 0,
    autoFirstPage: false,
    info: { Title: opts.title, Creator: 'Nimbus' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const font = pdfFonts(doc);
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: opts.currency });
  const perSheet = sheet.columns * sheet.rows;
  let placed = 0;
  for (const p of products) {
    const shelf = opts.kind === 'shelf';
    const png = await barcodePng(p, shelf ? 9 : Math.min(14, sheet.height * 0.45));
    const image = openImage(doc, png);
    for (let copy = 0; copy < p.copies; copy++, placed++) {
      const at = placed % perSheet;
      if (at === 0) doc.addPage({ size: sheet.size, margin: 0 });
      const x = (sheet.left + (at % sheet.columns) * sheet.pitchX) * MM;
      const y = (sheet.top + Math.floor(at / sheet.columns) * sheet.pitchY) * MM;
      const w = sheet.width * MM;
      const h = sheet.height * MM;
      const pad = 3 * MM;
      if (shelf) {
        doc.font(font.bold).fontSize(11);
        doc.text(p.name, x + pad, y + pad, { width: w - 2 * pad, height: 28, ellipsis: true });
        doc.font(font.bold).fontSize(20);
        doc.text(money.format(p.price), x + pad, y + h - pad - 20, {
          width: w / 2,
          lineBreak: false,
        });
        doc.font(font.regular).fontSize(7);
        doc.text(`SKU ${p.sku}`, x + pad, y + h - pad - 30, { width: w / 2, lineBreak: false });
        const bw = w / 2 - pad;
        doc.image(image, x + w / 2, y + h - pad - 13 * MM, {
          fit: [bw, 13 * MM],
          align: 'right',
          valign: 'bottom',
        });
      } else {
        const bh = h - 2 * pad - 8;
        doc.image(image, x + pad, y + pad, {
          fit: [w - 2 * pad, bh],
          align: 'center',
          valign: 'center',
        });
        doc.font(font.regular).fontSize(6.5);
        doc.text(p.name, x + pad, y + h - pad - 7, {
          width: w - 2 * pad,
          height: 8,
          align: 'center',
          ellipsis: true,
          lineBreak: false,
        });
      }
    }
    await nextTurn();
  }
  doc.end();
  return done;
}
