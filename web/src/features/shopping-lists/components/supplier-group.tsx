import { Card } from '@/components/card';
import { formatCount } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { ItemInput, ShoppingListItem } from '../api/types';
import { ItemRow } from './item-row';
import { TableWrap } from '@/components/table-wrap';

interface SupplierGroupProps {
  storeId: string;
  title: string;
  items: ShoppingListItem[];
  /** Null for a role that does not see money. */
  estimatedTotal: number | null;
  editable: boolean;
  /** For items without a supplier: the store's suppliers to pick from. */
  suppliers?: ReadonlyArray<{ id: string; name: string }>;
  onChange: (itemId: string, input: ItemInput) => void;
}

/** One supplier's items: what would go on its purchase order. */
export function SupplierGroup(props: SupplierGroupProps) {
  const { storeId, title, items, estimatedTotal, editable, suppliers, onChange } = props;
  const money = useMoney();
  // Estimates are money; what the shopper paid (actual cost) they may still record.
  const seesMoney = useSeesMoney();
  return (
    <Card
      title={title}
      description={
        seesMoney
          ? `${formatCount(items.length, 'item')} · estimated ${money(estimatedTotal)}`
          : formatCount(items.length, 'item')
      }
    >
      <TableWrap label={`Items from ${title}`}>
        <table className="table" aria-label={`Items from ${title}`}>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Priority</th>
              <th scope="col">Why</th>
              {suppliers && <th scope="col">Supplier</th>}
              <th scope="col" className="num">
                Quantity
              </th>
              {seesMoney && (
                <>
                  <th scope="col" className="num">
                    Unit cost
                  </th>
                  <th scope="col" className="num">
                    Estimated
                  </th>
                </>
              )}
              <th scope="col">Purchased</th>
              <th scope="col" className="num">
                Actual cost
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <ItemRow
                key={item.id}
                storeId={storeId}
                item={item}
                editable={editable}
                suppliers={suppliers}
                onChange={onChange}
              />
            ))}
          </tbody>
          {seesMoney && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={suppliers ? 6 : 5}>
                  Estimated total
                </th>
                <td className="num total">{money(estimatedTotal)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          )}
        </table>
      </TableWrap>
    </Card>
  );
}
