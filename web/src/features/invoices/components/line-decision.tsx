import { useId } from 'react';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { LineAction, ThreeWay } from '../api/types';
import { orderWords, type LineChoice } from './review-choices';

interface LineDecisionProps {
  title: string;
  /** The order chosen for the whole invoice, if one was. */
  invoiceOrder?: string;
  threeWay: ThreeWay;
  choice: LineChoice;
  disabled: boolean;
  onChange: (choice: LineChoice) => void;
}

/**
 * What to do with a matched line: the three choices (the default is the server's: "already
 * received" when receipts cover it, none when they do not), the order when more than one could
 * be meant, and whether its price becomes the product's cost.
 */
export function LineDecision({
  title,
  invoiceOrder,
  threeWay: tw,
  choice,
  disabled,
  onChange,
}: LineDecisionProps) {
  const id = useId();
  const money = useMoney();
  const action = choice.action ?? tw.action;
  const q = tw.invoiced.quantity;
  const rest = Math.max(0, q - tw.received.quantity);
  // While the order is to be chosen, what each choice does depends on that order.
  const asked = tw.orderChoiceRequired;
  const choices: Array<{ value: LineAction; label: string; hint: string }> = [
    {
      value: 'already_received',
      label: 'Already received',
      hint: asked
        ? 'match it to the chosen order’s delivery; no stock moves'
        : tw.received.quantity
          ? `match it to ${formatCount(Math.min(q, tw.received.quantity), 'unit')} received; no stock moves`
          : 'nothing received yet to match it to',
    },
    {
      value: 'receive_now',
      label: 'Receive now',
      hint: asked
        ? 'into stock now, against the chosen order'
        : rest
          ? `${formatCount(rest, 'unit')} into stock now`
          : 'nothing beyond what was received',
    },
    { value: 'skip', label: 'Skip', hint: 'nothing matched or received' },
  ];
  const showOrders =
    tw.orders.length > 1 || tw.orderChoiceRequired || choice.purchaseOrderId !== undefined;
  // The server's pick, when it made one (never while the order is to be chosen): the select
  // shows it as chosen, so no order is listed twice.
  const suggested = tw.orderChoiceRequired
    ? undefined
    : tw.orders.find((o) => o.id === tw.purchaseOrderId);
  const value =
    choice.purchaseOrderId === undefined
      ? (suggested?.id ?? '')
      : (choice.purchaseOrderId ?? 'none');
  const priced = tw.variances.some((v) => v.kind !== 'quantity_vs_receipt');
  return (
    <div className="line-decision">
      <fieldset className="line-decision__choices" disabled={disabled}>
        <legend>
          What to do<span className="visually-hidden"> with {title}</span>
        </legend>
        {choices.map((c) => (
          <div className="field field--checkbox" key={c.value}>
            <input
              type="radio"
              id={`${id}-${c.value}`}
              name={`${id}-action`}
              value={c.value}
              checked={action === c.value}
              onChange={() =>
                onChange({
                  ...choice,
                  action: c.value,
                  // A skipped line's price cannot become the cost: the box goes with it.
                  ...(c.value === 'skip' ? { acceptNewCost: false } : {}),
                })
              }
            />
            <label htmlFor={`${id}-${c.value}`}>
              {c.label} <span className="muted small">({c.hint})</span>
            </label>
          </div>
        ))}
      </fieldset>
      {showOrders && action !== 'skip' && (
        <div className="field">
          <label htmlFor={`${id}-order`}>
            Order<span className="visually-hidden"> for {title}</span>
          </label>
          <select
            id={`${id}-order`}
            disabled={disabled}
            value={value}
            onChange={(e) => {
              const v = e.target.value;
              onChange({
                ...choice,
                purchaseOrderId: v === '' ? undefined : v === 'none' ? null : v,
              });
            }}
          >
            {value === '' && <option value="">Choose an order…</option>}
            {tw.orders.map((o) => (
              <option key={o.id} value={o.id}>
                {`${orderWords(o)}${o.id === suggested?.id && choice.purchaseOrderId === undefined ? (o.id === invoiceOrder ? ' (the invoice’s order)' : ' (suggested)') : ''}`}
              </option>
            ))}
            <option value="none">No order: a plain receipt</option>
          </select>
        </div>
      )}
      {priced && action !== 'skip' && (
        <div className="field field--checkbox">
          <input
            type="checkbox"
            id={`${id}-cost`}
            disabled={disabled}
            checked={Boolean(choice.acceptNewCost)}
            onChange={(e) => onChange({ ...choice, acceptNewCost: e.target.checked })}
          />
          <label htmlFor={`${id}-cost`}>
            Accept new cost: {money(tw.invoiced.unitCost)} a unit
            <span className="visually-hidden"> for {title}</span>
          </label>
        </div>
      )}
    </div>
  );
}
