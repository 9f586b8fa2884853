import { useMoney } from '@/lib/store-access';
import type { InvoiceDetail } from '../api/types';

/**
 * Why an invoice does not add up, in words and amounts: its lines against the total it states,
 * and each line whose total is not its quantity × unit cost (money billed that nothing on the
 * line explains).
 */
export function TotalsProblem({ totals }: { totals: InvoiceDetail['totals'] }) {
  const money = useMoney();
  const off =
    totals.expected !== null && totals.difference !== null && Math.abs(totals.difference) > 0.01;
  const more = (n: number) => (n < 0 ? 'less' : 'more');
  return (
    <div className="invoice-line__conflict">
      <p>
        <span className="strong">The invoice does not add up</span>
        {off && (
          <>
            : its lines come to {money(totals.lines)}, the invoice says {money(totals.expected)}{' '}
            before tax ({money(Math.abs(totals.difference ?? 0))} {more(totals.difference ?? 0)})
          </>
        )}
        .
      </p>
      {totals.lineMismatches.length > 0 && (
        <ul className="error-list" aria-label="Lines whose total is not quantity × unit cost">
          {totals.lineMismatches.map((m) => (
            <li key={m.lineId}>
              Line {m.position + 1} ({m.description ?? 'no description'}): {m.quantity} ×{' '}
              {money(m.unitCost)} = {money(m.expected)}, but the line says {money(m.total)} (
              {money(Math.abs(m.difference))} {more(m.difference)}).
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
