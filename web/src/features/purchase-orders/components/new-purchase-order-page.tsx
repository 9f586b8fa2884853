import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { useSuppliers } from '@/hooks/use-suppliers';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useStoreAccess } from '@/lib/store-access';
import { useCreatePurchaseOrder } from '../api/create-purchase-order';
import type { OrderInput } from '../api/types';
import { OrderForm } from './order-form';

export function NewPurchaseOrderPage() {
  const { storeId } = useStoreAccess();
  const navigate = useNavigate();
  const suppliers = useSuppliers(storeId, { limit: 100, sort: 'name', order: 'asc' });
  const creating = useCreatePurchaseOrder(storeId);
  const idempotency = useIdempotencyKey();
  const [supplierId, setSupplierId] = useState('');
  const orderable = (suppliers.data?.items ?? []).filter(
    (s) => s.status === 'active' || s.status === 'new',
  );
  const list = `/stores/${storeId}/purchase-orders`;

  return (
    <div className="page page--narrow">
      <Link to={list} className="back-link">
        <span aria-hidden="true">←</span> All purchase orders
      </Link>
      <PageHeader
        title="New purchase order"
        subtitle="It starts as pending: send it, then receive it."
      />
      <OrderForm
        storeId={storeId}
        supplierId={supplierId}
        supplierField={(error) => (
          <SelectField
            label="Supplier"
            name="supplierId"
            value={supplierId}
            onChange={(e) => setSupplierId(e.target.value)}
            error={error}
            options={[
              { value: '', label: 'Choose a supplier…' },
              ...orderable.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        busy={creating.isPending}
        error={creating.error}
        submitLabel="Create purchase order"
        busyLabel="Creating…"
        cancelTo={list}
        onSubmit={(fields) => {
          const input: OrderInput = { supplierId, ...fields };
          creating.mutate(
            { input, idempotencyKey: idempotency.keyFor(input) },
            {
              onSuccess: (order) => navigate(`${list}/${order.id}`),
              onSettled: (_r, e) => idempotency.settle(e),
            },
          );
        }}
      />
    </div>
  );
}
