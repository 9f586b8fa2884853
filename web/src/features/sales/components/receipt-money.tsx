import { formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { Sale } from '../api/types';

const METHOD: Record<Sale['payments'][number]['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  other: 'Other',
};

/** A receipt's subtotal, discount and tax per rate (rows before its total). */
export function ReceiptMoney({ sale }: { sale: Sale }) {
  const money = useMoney();
  if (sale.discountTotal === 0 && sale.taxes.length === 0) return null;
  return (
    <>
      <tr>
        <th scope="row" colSpan={3}>
          Subtotal
        </th>
        <td className="num">{money(sale.subtotal)}</td>
      </tr>
      {sale.discountTotal > 0 && (
        <tr>
          <th scope="row" colSpan={3}>
            Discounts{sale.discountReason ? ` (${sale.discountReason})` : ''}
          </th>
          <td className="num">{money(-sale.discountTotal)}</td>
        </tr>
      )}
      {sale.taxes.map((t) => (
        <tr key={t.taxRateId}>
          <th scope="row" colSpan={3}>
            {t.name} {formatNumber(t.rateBps / 100)}% on {money(t.taxable)}
            {sale.pricesIncludeTax ? ' (included)' : ''}
          </th>
          <td className="num">{money(t.tax)}</td>
        </tr>
      ))}
    </>
  );
}

/** How the sale was paid, the change and the customer. */
export function ReceiptPayments({ sale }: { sale: Sale }) {
  const money = useMoney();
  if (!sale.payments.length && !sale.customer) return null;
  return (
    <dl className="receipt__payments" aria-label="Payments">
      {sale.payments.map((p, i) => (
        <div key={i}>
          <dt>
            {METHOD[p.method]}
            {p.reference ? ` (${p.reference})` : ''}
          </dt>
          <dd>{money(p.amount)}</dd>
        </div>
      ))}
      {sale.payments.length > 0 && (
        <div>
          <dt>Change</dt>
          <dd>{money(sale.change)}</dd>
        </div>
      )}
      {sale.customer && (
        <div>
          <dt>Customer</dt>
          <dd>{[sale.customer.name, sale.customer.email].filter(Boolean).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
