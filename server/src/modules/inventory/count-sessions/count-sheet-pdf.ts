import PDFDocument from 'pdfkit';
import type { CountSessionView } from './count-session-views';

const MARGIN = 40;

/** Where a product is, as the sheet prints it: "3 / B / 12", "-" when it has no place. */
export const placeOf = (l: CountSessionView['lines'][number]['location']) =>
  [l.aisle, l.row, l.bin].filter((p) => p !== null && p !== '').join(' / ') || '-';

/**
 * A count sheet as a printable A4 PDF, in walking order (by aisle, row, bin): a blind sheet has
 * no expected column, and the counted column is a box to write in (or what was counted).
 * pdfkit's built-in Helvetica (WinAnsi): a character outside it prints as a substitute.
 */
export function renderCountSheetPdf(view: CountSessionView, storeName: string): Promise<Buffer> {
  const blind = view.blind && view.status === 'open';
  const columns: Array<{ title: string; width: number; align: 'left' | 'right' }> = [
    { title: 'Location', width: 80, align: 'left' },
    { title: 'SKU', width: 85, align: 'left' },
    { title: 'Product', width: blind ? 240 : 185, align: 'left' },
    ...(blind ? [] : [{ title: 'Expected', width: 55, align: 'right' as const }]),
    { title: 'Counted', width: 65, align: 'right' },
  ];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Count sheet: ${view.scopeLabel}`, Author: storeName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(storeName);
  doc.font('Helvetica').fontSize(12).text(`Count sheet: ${view.scopeLabel}`);
  doc
    .fontSize(9)
    .text(
      `Started ${view.startedAt.slice(0, 16).replace('T', ' ')} UTC · ${view.lines.length} products` +
        (view.blind ? ' · blind count: expected quantities are not shown' : ''),
    );
  doc.moveDown();

  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    let bottom = top;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const { width, align } = columns[i]!;
      doc.text(cell, x, top, { width: width - 6, align });
      bottom = Math.max(bottom, doc.y);
      x += width;
    });
    if (!bold) {
      const box = columns[columns.length - 1]!;
      doc.rect(x - box.width, top - 2, box.width - 6, bottom - top + 3).stroke('#888888');
    }
    doc.x = MARGIN;
    doc.y = bottom + 5;
  };
  row(
    columns.map((c) => c.title),
    true,
  );
  for (const l of view.lines) {
    row([
      placeOf(l.location),
      l.sku,
      l.name,
      ...(blind ? [] : [String(l.expectedQuantity ?? '')]),
      l.countedQuantity === null ? '' : String(l.countedQuantity),
    ]);
  }
  doc.end();
  return done;
}
