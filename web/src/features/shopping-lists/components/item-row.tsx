import { useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { ItemInput, ShoppingListItem } from '../api/types';
import { PriorityBadge } from './list-status';

interface ItemRowProps {
  storeId: string;
  item: ShoppingListItem;
  editable: boolean;
  suppliers?: ReadonlyArray<{ id: string; name: string }>;
  onChange: (itemId: string, input: ItemInput) => void;
}

/** A number typed in a cell: committed on blur or Enter, when it changed and is valid. */
function useCell(initial: string, commit: (value: string) => boolean) {
  const [value, setValue] = useState(initial);
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    // The server answered (or another edit landed): show its value.
    setShown(initial);
    setValue(initial);
  }
  const done = () => {
    if (value.trim() !== initial && !commit(value.trim())) setValue(initial);
  };
  return {
    value,
    onChange: (e: { target: { value: string } }) => setValue(e.target.value),
    onBlur: done,
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') e.currentTarget.blur();
    },
  };
}

export function ItemRow({ storeId, item, editable, suppliers, onChange }: ItemRowProps) {
  const money = useMoney();
  const seesMoney = useSeesMoney();
  const name = item.product.name;
  const quantity = useCell(String(item.quantity), (v) => {
    if (!/^\d+$/.test(v)) return false;
    onChange(item.id, { quantity: Number(v) });
    return true;
  });
  const actual = useCell(item.actualCost === null ? '' : item.actualCost.toFixed(2), (v) => {
    if (v === '') {
      onChange(item.id, { actualCost: null });
      return true;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(v)) return false;
    onChange(item.id, { actualCost: Number(v) });
    return true;
  });

  const notes = useCell(item.notes ?? '', (v) => {
    if (v.length > 1000) return false;
    onChange(item.id, { notes: v || null });
    return true;
  });

  return (
    <tr className={item.purchased ? 'row--done' : undefined}>
      <td>
        <Link to={`/stores/${storeId}/products/${item.product.id}`}>{name}</Link>
        <div className="muted small">
          SKU {item.product.sku} · {formatNumber(item.product.quantity)} in stock
        </div>
      </td>
      <td>
        <PriorityBadge priority={item.priority} />
      </td>
      <td className="small">
        {item.reason}
        {/* The price of the supplier passed over is money: only for those who see costs. */}
        {seesMoney && item.passedOver && item.passedOver.unitCost !== null && (
          <div className="muted">
            {item.passedOver.supplier.name} would cost {money(item.passedOver.unitCost)} a unit, but
            needs {formatNumber(item.passedOver.leadTimeDays)}{' '}
            {item.passedOver.leadTimeDays === 1 ? 'day' : 'days'}.
          </div>
        )}
        {editable ? (
          <input
            className="input--cell input--note"
            aria-label={`Note for ${name}`}
            placeholder="Add a note"
            maxLength={1000}
            {...notes}
          />
        ) : (
          item.notes && <div className="item-note">Note: {item.notes}</div>
        )}
      </td>
      {suppliers && (
        <td>
          <select
            aria-label={`Supplier for ${name}`}
            value={item.supplier?.id ?? ''}
            disabled={!editable}
            onChange={(e) => onChange(item.id, { supplierId: e.target.value || null })}
          >
            <option value="">Pick a supplier…</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </td>
      )}
      <td className="num">
        <input
          className="input--cell"
          inputMode="numeric"
          aria-label={`Quantity of ${name}`}
          disabled={!editable}
          {...quantity}
        />
        {item.quantity !== item.suggestedQuantity && (
          <div className="muted small">suggested {formatNumber(item.suggestedQuantity)}</div>
        )}
      </td>
      {seesMoney && (
        <>
          <td className="num">{money(item.estimatedUnitCost)}</td>
          <td className="num">{money(item.estimatedCost)}</td>
        </>
      )}
      <td className="center">
        <input
          type="checkbox"
          aria-label={`${name} purchased`}
          checked={item.purchased}
          disabled={!editable}
          onChange={(e) => onChange(item.id, { purchased: e.target.checked })}
        />
      </td>
      <td className="num">
        <input
          className="input--cell"
          inputMode="decimal"
          aria-label={`Actual cost of ${name}`}
          placeholder="—"
          disabled={!editable}
          {...actual}
        />
      </td>
    </tr>
  );
}
