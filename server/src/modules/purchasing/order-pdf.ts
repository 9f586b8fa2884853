import PDFDocument from 'pdfkit';
import type { PurchaseOrder } from './purchase-order-views.repo';

/** Who the order is from and to, as the PDF prints them. */
export interface OrderParties {
  store: { name: string; currency: string; timezone: string };
  supplier: {
    name: string;
    contactPerson: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
    city: string | null;
    state: string | null;
    zip: string | null;
    country: string | null;
  };
}

const MARGIN = 50;
const COLUMNS = [
  { title: 'SKU', width: 90, align: 'left' },
  { title: 'Product', width: 195, align: 'left' },
  { title: 'Qty', width: 50, align: 'right' },
  { title: 'Unit cost', width: 80, align: 'right' },
  { title: 'Line total', width: 80, align: 'right' },
] as const;

/**
 * The order as a printable A4 PDF: the store, the supplier's address, the dates, one row per
 * line and the total. Text in pdfkit's built-in Helvetica (WinAnsi): a character outside it
 * prints as a substitute.
 */
export function renderOrderPdf(order: PurchaseOrder, { store, supplier }: OrderParties) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Purchase order ${order.orderNumber}`, Author: store.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: store.currency });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, dateStyle: 'short' });

  doc.font('Helvetica-Bold').fontSize(18).text(store.name);
  doc.font('Helvetica').fontSize(14).text(`Purchase order ${order.orderNumber}`);
  doc.moveDown();

  doc.fontSize(10).font('Helvetica-Bold').text('Supplier');
  doc.font('Helvetica');
  const place = [supplier.zip, supplier.city, supplier.state].filter(Boolean).join(' ');
  for (const line of [
    supplier.name,
    supplier.contactPerson && `Attn: ${supplier.contactPerson}`,
    supplier.address,
    place,
    supplier.country,
    supplier.email,
    supplier.phone,
  ]) {
    if (line) doc.text(line);
  }
  doc.moveDown();
  doc.text(`Order date: ${day.format(new Date(order.orderedAt))}`);
  doc.text(`Expected delivery: ${order.expectedAt ?? 'not given'}`);
  doc.moveDown();

  const row = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    let bottom = top;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((cell, i) => {
      const { width, align } = COLUMNS[i]!;
      doc.text(cell, x, top, { width: width - 6, align });
      bottom = Math.max(bottom, doc.y);
      x += width;
    });
    doc.x = MARGIN;
    doc.y = bottom + 4;
  };
  row(
    COLUMNS.map((c) => c.title),
    true,
  );
  for (const l of order.lines) {
    row([
      l.product.sku,
      l.product.name,
      String(l.quantity),
      money.format(l.unitCost),
      money.format(l.lineTotal),
    ]);
  }
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text(`Total: ${money.format(order.total)}`, MARGIN, doc.y, {
    width: COLUMNS.reduce((w, c) => w + c.width, 0) - 6,
    align: 'right',
  });
  if (order.notes) {
    doc.moveDown();
    doc.font('Helvetica-Bold').text('Notes', MARGIN);
    doc.font('Helvetica').text(order.notes);
  }
  doc.end();
  return done;
}
