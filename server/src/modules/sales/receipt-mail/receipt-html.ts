import type { Sale } from '../sales.repo';

export interface ReceiptStore {
  name: string;
  currency: string;
  timezone: string;
  address: string | null;
}

const METHOD = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** Text made safe to put in HTML (element content and quoted attribute values). */
const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** How people see a sale's number: S-000123 (as the SPA shows it). */
export const saleLabel = (n: number) => `S-${String(n).padStart(6, '0')}`;

/**
 * A sale's receipt as an e-mail: the store and its address, the sale's number and time (the
 * store's time zone), each line with its discount, subtotal, discounts, tax per rate, total,
 * refunds, payments and change. HTML with a plain-text copy of the same figures.
 */
export function receiptMail(sale: Sale, store: ReceiptStore) {
  const fmt = new Intl.NumberFormat('en-US', { style: 'currency', currency: store.currency });
  const money = (n: number) => fmt.format(n);
  const when = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: store.timezone,
  }).format(new Date(sale.soldAt));
  const label = saleLabel(sale.number);
  // A sale rung up offline: the number on the customer's paper first, then the one it became.
  const provisional = sale.provisionalNumber;

  // [label, amount] rows under the lines, in the order the receipt shows them.
  const rows: Array<[string, number]> = [];
  if (sale.discountTotal > 0 || sale.taxes.length > 0) {
    rows.push(['Subtotal', sale.subtotal]);
    if (sale.discountTotal > 0)
      rows.push([
        `Discounts${sale.discountReason ? ` (${sale.discountReason})` : ''}`,
        -sale.discountTotal,
      ]);
    for (const t of sale.taxes)
      rows.push([
        `${t.name} ${t.rateBps / 100}% on ${money(t.taxable)}${sale.pricesIncludeTax ? ' (included)' : ''}`,
        t.tax,
      ]);
  }
  rows.push([`Total (${sale.itemCount} item${sale.itemCount === 1 ? '' : 's'})`, sale.total]);
  for (const r of sale.refunds) rows.push(['Refund', -r.total]);
  if (sale.refunds.length || sale.status === 'voided') rows.push(['Net', sale.netTotal]);
  const paid: Array<[string, number]> = sale.payments.map((p) => [
    `${METHOD[p.method]}${p.reference ? ` (${p.reference})` : ''}`,
    p.amount,
  ]);
  if (sale.payments.length) paid.push(['Change', sale.change]);

  type Line =
    | { name: string; qty: number; price: number; amount: number }
    | { name: string; amount: number | null };
  const lines = sale.items.flatMap((i): Line[] => {
    const amount = Math.round(i.quantity * i.unitPrice * 100) / 100;
    const main = { name: i.productName, qty: i.quantity, price: i.unitPrice, amount };
    const discount =
      i.discount > 0
        ? [
            {
              name: `Discount${i.priceOverrideReason ? ` (price: ${i.priceOverrideReason})` : ''}`,
              amount: -i.discount,
            },
          ]
        : i.priceOverrideReason
          ? [{ name: `Price: ${i.priceOverrideReason}`, amount: null }]
          : [];
    return [main, ...discount];
  });

  const td = 'style="padding:2px 6px;text-align:right"';
  const cell = 'style="padding:2px 6px"';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Receipt ${label}</title></head>
<body style="font-family:Arial,sans-serif;color:#111;max-width:560px;margin:0 auto">
<h1 style="font-size:20px;margin-bottom:4px">${esc(store.name)}</h1>
${store.address ? `<p style="margin:0;white-space:pre-line">${esc(store.address)}</p>` : ''}
<p>${provisional ? `Provisional number <strong>${esc(provisional)}</strong><br>Sale number` : 'Receipt'} <strong>${label}</strong><br>${esc(when)}${sale.status === 'voided' ? '<br><strong>VOIDED</strong>' : ''}</p>
<table style="border-collapse:collapse;width:100%" aria-label="Receipt lines">
<thead><tr><th ${cell}>Item</th><th ${td}>Qty</th><th ${td}>Price</th><th ${td}>Amount</th></tr></thead>
<tbody>
${lines
  .map((l) =>
    'qty' in l
      ? `<tr><td ${cell}>${esc(l.name)}</td><td ${td}>${l.qty}</td><td ${td}>${money(l.price)}</td><td ${td}>${money(l.amount)}</td></tr>`
      : `<tr><td ${cell} colspan="3">&nbsp;&nbsp;${esc(l.name)}</td><td ${td}>${l.amount === null ? '' : money(l.amount)}</td></tr>`,
  )
  .join('\n')}
</tbody>
<tfoot>
${rows.map(([k, v]) => `<tr><th ${cell} colspan="3" align="left">${esc(k)}</th><td ${td}>${money(v)}</td></tr>`).join('\n')}
</tfoot>
</table>
${paid.length ? `<table style="margin-top:12px">${paid.map(([k, v]) => `<tr><td ${cell}>${esc(k)}</td><td ${td}>${money(v)}</td></tr>`).join('')}</table>` : ''}
<p style="color:#555;font-size:12px">${sale.pricesIncludeTax === false ? 'Tax added to the prices shown.' : 'Prices include tax as charged.'} Thank you for shopping at ${esc(store.name)}.</p>
</body></html>`;

  const text = [
    store.name,
    ...(store.address ? [store.address] : []),
    ...(provisional
      ? [`Provisional number ${provisional}`, `Sale number ${label}`]
      : [`Receipt ${label}`]),
    when,
    ...(sale.status === 'voided' ? ['VOIDED'] : []),
    '',
    ...lines.map((l) =>
      'qty' in l
        ? `${l.qty} x ${l.name} @ ${money(l.price)}  ${money(l.amount)}`
        : `  ${l.name}${l.amount === null ? '' : `  ${money(l.amount)}`}`,
    ),
    '',
    ...rows.map(([k, v]) => `${k}: ${money(v)}`),
    ...(paid.length ? ['', ...paid.map(([k, v]) => `${k}: ${money(v)}`)] : []),
  ].join('\n');

  return { subject: `Your receipt ${label} from ${store.name}`, html, text };
}
