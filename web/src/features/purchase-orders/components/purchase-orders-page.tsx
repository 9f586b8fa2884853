import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { PagedList } from '@/components/paged-list';
import { useSuppliers } from '@/hooks/use-suppliers';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { formatDate } from '@/lib/format';
import { useListParams } from '@/lib/use-list-params';
import { usePurchaseOrders } from '../api/get-purchase-orders';
import type { OrderStatus } from '../api/types';
import { PurchaseOrdersTable } from './purchase-orders-table';

/** The filter chips: each is one status, or a group of them sent comma-separated. */
const CHIPS = [
  { value: '', label: 'All' },
  { value: 'pending,processing,shipped', label: 'Open' },
  { value: 'pending', label: 'Pending' },
  { value: 'processing', label: 'Sent to supplier' },
  { value: 'shipped', label: 'Shipped' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function PurchaseOrdersPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('vendor:manage');
  const list = useListParams();
  const status = list.get('status');
  const supplierId = list.get('supplier');
  // Due by a day (the dashboard's "deliveries due" link): a chip to see it and clear it.
  const due = list.get('due');
  const suppliers = useSuppliers(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const orders = usePurchaseOrders(storeId, {
    page: list.page,
    limit: 20,
    status: status ? (status.split(',') as OrderStatus[]) : undefined,
    supplierId: supplierId || undefined,
    expectedBy: due || undefined,
  });
  const filtered = Boolean(status || supplierId || due);

  return (
    <div className="page">
      <PageHeader
        title="Purchase orders"
        subtitle="What was ordered from suppliers, and what has arrived."
        actions={
          canManage && (
            <Link to={`/stores/${storeId}/purchase-orders/new`} className="btn btn--primary">
              New purchase order
            </Link>
          )
        }
      />
      <Card>
        <div className="toolbar" role="search" aria-label="Filter purchase orders">
          <div className="chips" role="group" aria-label="Status">
            {CHIPS.map((chip) => (
              <button
                key={chip.label}
                type="button"
                className={status === chip.value ? 'chip is-active' : 'chip'}
                aria-pressed={status === chip.value}
                onClick={() => list.update({ status: chip.value })}
              >
                {chip.label}
              </button>
            ))}
            {due && (
              <button
                type="button"
                className="chip is-active"
                aria-pressed="true"
                onClick={() => list.update({ due: '' })}
              >
                Due by {formatDate(due)} <span aria-hidden="true">×</span>
                <span className="visually-hidden"> (remove this filter)</span>
              </button>
            )}
          </div>
          <SelectField
            label="Supplier"
            name="supplier"
            value={supplierId}
            onChange={(e) => list.update({ supplier: e.target.value })}
            options={[
              { value: '', label: 'All suppliers' },
              ...(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </div>
        <PagedList
          query={orders}
          loading="Loading purchase orders…"
          empty={filtered ? 'No purchase orders match these filters.' : 'No purchase orders yet.'}
          pagesLabel="Purchase order pages"
          onPage={list.setPage}
        >
          {(items) => <PurchaseOrdersTable storeId={storeId} orders={items} />}
        </PagedList>
      </Card>
    </div>
  );
}
