import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { ThreeWay, Variance } from '../api/types';

/** A variance in words, its amounts in the store's currency: the review never relies on colour. */
export function varianceWords(
  v: Variance,
  tw: ThreeWay,
  money: (n: number) => string,
): { title: string; text: string } {
  const more = (n: number) => (n > 0 ? 'more' : 'less');
  const gap = Math.abs(v.actual - v.expected);
  switch (v.kind) {
    case 'price_vs_order':
      return {
        title: 'Price differs from the order',
        text: `Billed at ${money(v.actual)} a unit, ordered at ${money(v.expected)}${tw.ordered ? ` on ${tw.ordered.orderNumber}` : ''}: ${money(gap)} ${more(v.amount)} a unit, ${money(Math.abs(v.amount))} ${more(v.amount)} in all.`,
      };
    case 'price_vs_last_cost':
      return {
        title: 'Price differs from the last cost',
        text: `Billed at ${money(v.actual)} a unit, last bought at ${money(v.expected)}: ${money(gap)} ${more(v.amount)} a unit, ${money(Math.abs(v.amount))} ${more(v.amount)} in all.`,
      };
    default:
      return v.amount > 0
        ? {
            title: 'More billed than received',
            text: `${formatCount(v.actual, 'unit')} billed, ${v.expected} received and not yet invoiced: ${gap} more than received, ${money(v.amount)} billed for goods not received.`,
          }
        : {
            title: 'Less billed than received',
            text: `${formatCount(v.actual, 'unit')} billed, ${v.expected} received and not yet invoiced: ${gap} fewer, ${money(-v.amount)} less; the rest stays to be invoiced.`,
          };
  }
}

export function VarianceList({ threeWay }: { threeWay: ThreeWay }) {
  const money = useMoney();
  if (!threeWay.variances.length) return null;
  return (
    <ul className="invoice-line__variances" aria-label="Variances">
      {threeWay.variances.map((v) => {
        const words = varianceWords(v, threeWay, (n) => money(n));
        return (
          <li className="invoice-line__conflict" key={v.kind}>
            <span className="strong">{words.title}: </span>
            {words.text}
          </li>
        );
      })}
    </ul>
  );
}
