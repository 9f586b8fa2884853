import { useState } from 'react';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { SearchBox } from '@/components/search-box';
import type { SortOrder } from '@/components/sortable-header';
import { useSuppliers } from '@/hooks/use-suppliers';
import { usePendingDeletes } from '@/lib/deferred-delete';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useDeleteSupplier } from '../api/delete-supplier';
import type { Supplier, SupplierSort, SupplierStatus } from '../api/types';
import { SUPPLIER_STATUS_OPTIONS } from './supplier-status-options';
import { SupplierForm } from './supplier-form';
import { SuppliersTable } from './suppliers-table';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; supplier: Supplier };

export function SuppliersPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('vendor:manage');
  const list = useListParams();
  const sort = (list.get('sort') || 'name') as SupplierSort;
  const order = (list.get('order') || 'asc') as SortOrder;
  const search = list.get('search');
  const status = list.get('status') as SupplierStatus | '';
  const suppliers = useSuppliers(storeId, {
    page: list.page,
    limit: 20,
    search,
    status: status || undefined,
    sort,
    order,
  });
  const remove = useDeleteSupplier(storeId);
  const deleting = usePendingDeletes();
  const items = suppliers.data?.items.filter((s) => !deleting.has(s.id));
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState<string>();

  function onDelete(supplier: Supplier) {
    remove(supplier);
    if (editing.mode === 'edit' && editing.supplier.id === supplier.id) {
      setEditing({ mode: 'closed' });
    }
  }

  return (
    <div className="page">
      <PageHeader title="Suppliers" subtitle="Who you buy from, and how to reach them." />
      {editing.mode !== 'closed' && (
        <SupplierForm
          storeId={storeId}
          editing={editing.mode === 'edit' ? editing.supplier : undefined}
          onCancel={() => setEditing({ mode: 'closed' })}
          onSaved={(supplier) => {
            setNotice(`Supplier “${supplier.name}” saved.`);
            setEditing({ mode: 'closed' });
          }}
        />
      )}
      <Card
        title="All suppliers"
        actions={
          canManage &&
          editing.mode === 'closed' && (
            <Button onClick={() => setEditing({ mode: 'new' })}>New supplier</Button>
          )
        }
      >
        <StatusMessage>{notice}</StatusMessage>
        <div className="toolbar">
          <SearchBox
            label="Search suppliers"
            value={search}
            onSearch={(value) => list.update({ search: value })}
          />
          <SelectField
            label="Supplier status"
            name="status"
            value={status}
            onChange={(e) => list.update({ status: e.target.value })}
            options={[{ value: '', label: 'Any status' }, ...SUPPLIER_STATUS_OPTIONS]}
          />
        </div>
        <QueryState
          query={suppliers}
          isEmpty={() => items?.length === 0}
          loading="Loading suppliers…"
          empty={<p className="muted">No suppliers found.</p>}
        >
          {(data) => (
            <>
              <SuppliersTable
                storeId={storeId}
                suppliers={items ?? []}
                sort={sort}
                order={order}
                onSort={(field, next) => list.update({ sort: field, order: next })}
                canManage={canManage}
                canDelete={canManage}
                onEdit={(supplier) => {
                  setNotice(undefined);
                  setEditing({ mode: 'edit', supplier });
                  window.scrollTo({ top: 0 });
                }}
                onDelete={onDelete}
              />
              <Pagination
                label="Supplier pages"
                pagination={data.pagination}
                onPage={list.setPage}
              />
            </>
          )}
        </QueryState>
      </Card>
    </div>
  );
}
