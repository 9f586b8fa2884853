import { Card } from '@/components/card';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import type { ItemInput, ShoppingListItem } from '../api/types';
import { ItemRow } from './item-row';

interface SupplierGroupProps {
  storeId: string;
  title: string;
  items: ShoppingListItem[];
  estimatedTotal: number;
  editable: boolean;
  /** For items without a supplier: the store's suppliers to pick from. */
  suppliers?: ReadonlyArray<{ id: string; name: string }>;
  onChange: (itemId: string, input: ItemInput) => void;
}

/** One supplier's items: what would go on its purchase order. */
export function SupplierGroup(props: SupplierGroupProps) {
  const { storeId, title, items, estimatedTotal, editable, suppliers, onChange } = props;
  const money = useMoney();
  return (
    <Card
      title={title}
      description={`${formatCount(items.length, 'item')} · estimated ${money(estimatedTotal)}`}
    >
      <div className="table-wrap">
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
              <th scope="col" className="num">
                Unit cost
              </th>
              <th scope="col" className="num">
                Estimated
              </th>
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
          <tfoot>
            <tr>
              <th scope="row" colSpan={suppliers ? 6 : 5}>
                Estimated total
              </th>
              <td className="num total">{money(estimatedTotal)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
