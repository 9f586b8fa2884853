import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { useStoreAccess } from '@/lib/store-access';
import { usePurchaseOrder } from '../api/get-purchase-order';
import type { PurchaseOrder } from '../api/types';
import { useUpdatePurchaseOrder } from '../api/update-purchase-order';
import { OrderForm } from './order-form';
import type { DraftLine } from './order-lines-editor';

const draftOf = (o: PurchaseOrder): DraftLine[] =>
  o.lines.map((l) => ({
    product: {
      id: l.product.id,
      name: l.product.name,
      sku: l.product.sku,
      barcode: l.product.barcode,
      brand: null,
      unit: null,
      price: 0,
      quantity: 0,
      lowStock: false,
    },
    quantity: String(l.quantity),
    unitCost: (l.unitCost ?? 0).toFixed(2),
    allowOverReceipt: l.allowOverReceipt,
  }));

/** A pending order's expected date, notes and lines; its supplier stays. */
export function EditPurchaseOrderPage() {
  const { storeId } = useStoreAccess();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const order = usePurchaseOrder(storeId, orderId);
  const saving = useUpdatePurchaseOrder(storeId, orderId);
  const page = `/stores/${storeId}/purchase-orders/${orderId}`;

  return (
    <div className="page page--narrow">
      <Link to={page} className="back-link">
        <span aria-hidden="true">←</span> Back to the order
      </Link>
      <QueryState query={order} loading="Loading purchase order…">
        {(o) => (
          <>
            <PageHeader
              title={`Edit ${o.orderNumber}`}
              subtitle={`From ${o.supplier.name}. Only a pending order can be edited.`}
            />
            {o.status !== 'pending' ? (
              <p className="notice notice--warning" role="status">
                {o.orderNumber} is no longer pending: it cannot be edited.
              </p>
            ) : (
              <OrderForm
                storeId={storeId}
                supplierId={o.supplier.id}
                supplierField={() => (
                  <p>
                    <span className="strong">Supplier:</span> {o.supplier.name}
                  </p>
                )}
                initial={{ expectedAt: o.expectedAt, notes: o.notes, lines: draftOf(o) }}
                busy={saving.isPending}
                error={saving.error}
                submitLabel="Save changes"
                busyLabel="Saving…"
                cancelTo={page}
                onSubmit={(fields) => saving.mutate(fields, { onSuccess: () => navigate(page) })}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
