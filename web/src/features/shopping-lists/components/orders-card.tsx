import { Link } from 'react-router-dom';
import { Card } from '@/components/card';
import { useMoney } from '@/lib/store-access';
import type { ShoppingList } from '../api/types';

interface OrdersCardProps {
  storeId: string;
  orders: ShoppingList['purchaseOrders'];
  supplierNames: ReadonlyMap<string, string>;
}

/** The purchase orders the list became, each linking to its page. */
export function OrdersCard({ storeId, orders, supplierNames }: OrdersCardProps) {
  const money = useMoney();
  return (
    <Card title="Purchase orders">
      <ul className="bullet-list">
        {orders.map((o) => (
          <li key={o.id}>
            <Link to={`/stores/${storeId}/purchase-orders/${o.id}`}>{o.orderNumber}</Link>
            {o.supplierId && supplierNames.get(o.supplierId)
              ? ` · ${supplierNames.get(o.supplierId)}`
              : ''}{' '}
            {o.total !== null && `· ${money(o.total)}`}
          </li>
        ))}
      </ul>
    </Card>
  );
}
