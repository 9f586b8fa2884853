import { useEffect, useRef } from 'react';
import { formatCount, formatNumber } from '@/lib/format';
import type { OrderLine } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

export interface DeliveryCheck {
  /** Lines receiving at least one unit, of the open lines. */
  lines: number;
  openLines: number;
  units: number;
  /** Units still open on the order that this delivery leaves open. */
  notDelivered: number;
  /** Lines whose count is not what was open, with the difference. */
  differences: Array<{ line: OrderLine; received: number; difference: number }>;
}

/** What a delivery does to the order, from the counts, before anything is received. */
export function checkDelivery(open: OrderLine[], counts: Record<string, number>): DeliveryCheck {
  let units = 0;
  let lines = 0;
  let notDelivered = 0;
  const differences: DeliveryCheck['differences'] = [];
  for (const line of open) {
    const received = counts[line.id] ?? 0;
    units += received;
    if (received > 0) lines += 1;
    notDelivered += Math.max(0, line.openQuantity - received);
    if (received !== line.openQuantity) {
      differences.push({ line, received, difference: received - line.openQuantity });
    }
  }
  return { lines, openLines: open.length, units, notDelivered, differences };
}

/** "1 of 2 lines, 5 units, 24 not delivered". */
export function describeDelivery(check: DeliveryCheck): string {
  return `${check.lines} of ${formatCount(check.openLines, 'line')}, ${formatCount(check.units, 'unit')}, ${formatNumber(check.notDelivered)} not delivered`;
}

/** The check shown before a delivery is committed: totals, then each line that differs. */
export function ReceiveSummary({ check }: { check: DeliveryCheck }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus leaves the submit button, so a stray scan (code and Enter) cannot commit the delivery.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="delivery-check">
      <h3 id="delivery-check" className="card__title" ref={heading} tabIndex={-1}>
        {describeDelivery(check)}
      </h3>
      {check.differences.length === 0 ? (
        <p>Every open line arrives in full.</p>
      ) : (
        <TableWrap label="Lines that differ from the order">
          <table className="table" aria-label="Lines that differ from the order">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Open
                </th>
                <th scope="col" className="num">
                  Receiving
                </th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {check.differences.map(({ line, received, difference }) => (
                <tr key={line.id}>
                  <td>{line.product.name}</td>
                  <td className="num">{formatNumber(line.openQuantity)}</td>
                  <td className="num">{formatNumber(received)}</td>
                  <td>
                    {difference < 0
                      ? `${formatNumber(-difference)} not delivered`
                      : `${formatNumber(difference)} more than open`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
