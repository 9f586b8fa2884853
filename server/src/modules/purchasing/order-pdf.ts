import PDFDocument from 'pdfkit';
import { pdfFonts } from '../../files/pdf-fonts';
import type { PurchaseOrder } from './purchase-order-views.repo';

/** Who the order is from and to, as the PDF prints them. */
export interface OrderParties {
  /** `address`: the store's postal address (its checkout settings), printed under its name. */
  store: { name: string; currency: string; timezone: string; address?: string | null };
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
 * line and the total. Text in DejaVu Sans where installed (files/pdf-fonts.ts), so names in
 * any European script print as typed.
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

  const font = pdfFonts(doc);
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: store.currency });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: store.timezone, dateStyle: 'short' });

  doc.font(font.bold).fontSize(18).text(store.name);
  // The address is free text, a line per line of it (street, town, phone, tax number).
  if (store.address) doc.font(font.regular).fontSize(10).text(store.address).moveDown(0.5);
  doc.font(font.regular).fontSize(14).text(`Purchase order ${order.orderNumber}`);
  doc.moveDown();

  doc.fontSize(10).font(font.bold).text('Supplier');
  doc.font(font.regular);
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
    doc.font(bold ? font.bold : font.regular);
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
  doc.font(font.bold).text(`Total: ${money.format(order.total)}`, MARGIN, doc.y, {
    width: COLUMNS.reduce((w, c) => w + c.width, 0) - 6,
    align: 'right',
  });
  if (order.notes) {
    doc.moveDown();
    doc.font(font.bold).text('Notes', MARGIN);
    doc.font(font.regular).text(order.notes);
  }
  doc.end();
  return done;
}
