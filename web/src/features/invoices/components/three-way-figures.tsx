import { formatCount, formatDate, formatNumber } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { ThreeWay } from '../api/types';
import { matchedUnits } from './review-choices';

/**
 * A line's three-way match side by side: what was ordered, what was received (and not yet
 * invoiced; once reconciled, what it was matched to and what it received), what is invoiced.
 */
export function ThreeWayFigures({
  threeWay: tw,
  reconciled,
}: {
  threeWay: ThreeWay;
  reconciled: boolean;
}) {
  const money = useMoney();
  const matched = matchedUnits(tw);
  const receipts = tw.received.receipts.map(
    (r) =>
      `${formatNumber(r.quantity)} on ${formatDate(r.receivedAt)}${r.orderNumber ? ` (${r.orderNumber})` : ''}`,
  );
  let received: string;
  if (reconciled)
    received =
      [
        matched > 0 && `${formatNumber(matched)} matched to goods received before`,
        tw.receiveNow > 0 && `${formatNumber(tw.receiveNow)} received with this invoice`,
      ]
        .filter(Boolean)
        .join('; ') || 'Nothing';
  else if (!tw.received.quantity) received = 'Nothing received that is not yet invoiced';
  else if (tw.orderChoiceRequired) {
    // Deliveries of several orders are not one figure: each order says its own in the chooser.
    const holding = tw.orders.filter((o) => o.uninvoiced > 0).map((o) => o.orderNumber);
    received = `${formatNumber(tw.received.quantity)} received, not yet invoiced, on ${holding.join(' and ')}`;
  } else received = `${formatNumber(tw.received.quantity)} received, not yet invoiced`;
  const ordered = tw.ordered
    ? `${formatNumber(tw.ordered.quantity)} at ${money(tw.ordered.unitCost)} on ${tw.ordered.orderNumber}`
    : tw.orders.length > 1 || tw.orderChoiceRequired
      ? `On ${formatCount(tw.orders.length, 'order')}: choose the order below`
      : 'Not on an order';
  return (
    <dl className="three-way">
      <div>
        <dt>Ordered</dt>
        <dd>{ordered}</dd>
      </div>
      <div>
        <dt>Received</dt>
        <dd>
          {received}
          {receipts.length > 0 && (
            <span className="invoice-line__codes">{receipts.join(' · ')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Invoiced</dt>
        <dd>
          {formatNumber(tw.invoiced.quantity)} at {money(tw.invoiced.unitCost)} ={' '}
          {money(tw.invoiced.total)}
        </dd>
      </div>
    </dl>
  );
}
