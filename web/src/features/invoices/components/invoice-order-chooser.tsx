import { useId } from 'react';
import { formatCount } from '@/lib/format';
import type { ThreeWay } from '../api/types';

/**
 * When several lines ask which order they bill, one answer for all of them: the invoice's
 * order (`purchaseOrderId` of the request). Each line that holds that order takes it; a line
 * that does not still asks on its own.
 */
export function InvoiceOrderChooser({
  threeWays,
  value,
  disabled,
  onChange,
}: {
  threeWays: ThreeWay[];
  value: string | undefined;
  disabled: boolean;
  onChange: (orderId: string | undefined) => void;
}) {
  const id = useId();
  const asking = threeWays.filter((tw) => tw.orderChoiceRequired).length;
  if (asking < 2 && !value) return null;
  const orders = new Map<string, { orderNumber: string; lines: number }>();
  for (const tw of threeWays)
    for (const o of tw.orders) {
      const seen = orders.get(o.id);
      orders.set(o.id, { orderNumber: o.orderNumber, lines: (seen?.lines ?? 0) + 1 });
    }
  return (
    <div className="field">
      <label htmlFor={id}>Order for every line that could be either</label>
      <select
        id={id}
        disabled={disabled}
        value={value ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">Choose line by line</option>
        {[...orders].map(([orderId, o]) => (
          <option key={orderId} value={orderId}>
            {`${o.orderNumber} (on ${formatCount(o.lines, 'line')})`}
          </option>
        ))}
      </select>
      <p className="field__hint" id={`${id}-hint`}>
        {asking
          ? `${formatCount(asking, 'line')} ask which order the invoice bills.`
          : 'Lines that hold this order take it; you can still change each line.'}
      </p>
    </div>
  );
}
