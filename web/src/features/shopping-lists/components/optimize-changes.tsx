import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { OptimizeResult, ShoppingListChange } from '../api/types';

/** What optimising changed, in words: one line per change with its reason. */
export function OptimizeChanges({
  result,
  supplierNames,
}: {
  result: OptimizeResult;
  /** The store's suppliers by id: a supplier an item left may no longer be on the list. */
  supplierNames: ReadonlyMap<string, string>;
}) {
  const money = useMoney();
  const itemName = new Map(result.items.map((i) => [i.id, i.product.name]));
  const value = (c: ShoppingListChange, v: ShoppingListChange['from']) => {
    if (v === null) return 'none';
    if (c.field === 'estimatedUnitCost') return money(Number(v));
    if (c.field === 'supplierId') return supplierNames.get(String(v)) ?? 'another supplier';
    return String(v);
  };
  const label = { supplierId: 'supplier', estimatedUnitCost: 'unit cost', quantity: 'quantity' };

  return (
    <section className="notice" aria-label="What optimising changed" role="status">
      {result.changes.length === 0 ? (
        <p>Already optimal: nothing changed.</p>
      ) : (
        <>
          <p>Optimised: {formatCount(result.changes.length, 'change')}.</p>
          <ul className="bullet-list">
            {result.changes.map((c) => (
              <li key={`${c.itemId}-${c.field}`}>
                <strong>{itemName.get(c.itemId)}</strong>: {label[c.field]} {value(c, c.from)} →{' '}
                {value(c, c.to)} ({c.reason})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
