/** A store's week, as the weekly summary mails it. */
export interface WeekFigures {
  storeName: string;
  currency: string;
  /** The local days [from, to): the last seven before today. */
  from: string;
  to: string;
  week: { sales: number; revenue: number };
  weekBefore: { sales: number; revenue: number };
  top: { name: string; unitsSold: number; revenue: number }[];
  /** Alerts opened in the week by kind (its words), and how many of them are still open. */
  alerts: { kind: string; opened: number; stillOpen: number }[];
  lateDeliveries: { orderNumber: string; expectedOn: string }[];
  overdueInvoices: { invoiceNumber: string | null; dueOn: string }[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "+12%", "-3%", "new" (nothing the week before), "no change". */
function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? 'no change' : 'none the week before';
  const pct = Math.round(((now - before) / before) * 100);
  return pct === 0 ? 'no change' : `${pct > 0 ? '+' : ''}${pct}% on the week before`;
}

const lastDay = (to: string) =>
  new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The mail: a plain-text account of the week, each part a line or a short list. */
export function composeWeeklySummary(name: string, f: WeekFigures, storeUrl: string) {
  const money = (n: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: f.currency }).format(n);
  const lines = [
    `Hello ${name},`,
    '',
    `${f.storeName}, ${f.from} to ${lastDay(f.to)}:`,
    '',
    `Sales: ${f.week.sales} (${change(f.week.sales, f.weekBefore.sales)}; ${f.weekBefore.sales} the week before)`,
    `Revenue: ${money(f.week.revenue)} (${change(f.week.revenue, f.weekBefore.revenue)}; ${money(f.weekBefore.revenue)} the week before)`,
    '',
    'Best sellers:',
    ...(f.top.length
      ? f.top.map(
          (p, i) => `${i + 1}. ${p.name}: ${plural(p.unitsSold, 'unit')}, ${money(p.revenue)}`,
        )
      : ['- nothing sold']),
    '',
    'Alerts opened this week:',
    ...(f.alerts.length
      ? f.alerts.map((a) => `- ${a.kind}: ${a.opened} opened, ${a.stillOpen} still open`)
      : ['- none']),
    '',
    `Late deliveries: ${f.lateDeliveries.length}`,
    ...f.lateDeliveries.slice(0, 10).map((o) => `- ${o.orderNumber}, expected ${o.expectedOn}`),
    `Overdue invoices: ${f.overdueInvoices.length}`,
    ...f.overdueInvoices
      .slice(0, 10)
      .map((i) => `- ${i.invoiceNumber ?? 'An invoice'}, due ${i.dueOn}`),
    '',
    `The store: ${storeUrl}`,
    'You can stop these mails in your notification settings.',
  ];
  return {
    subject: `Nimbus weekly summary: ${f.storeName}, ${plural(f.week.sales, 'sale')}, ${money(f.week.revenue)}`,
    text: lines.join('\n') + '\n',
  };
}
