import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { useProductOptions } from '@/hooks/use-product-options';
import { formatDate } from '@/lib/format';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useInvoices } from '../api/get-invoices';
import { invoiceLabel, type InvoiceStatus } from '../api/types';
import { InvoiceStatusBadge } from './invoice-status';
import { UploadInvoiceCard } from './upload-invoice-card';
import { TableWrap } from '@/components/table-wrap';

const STATUS_OPTIONS = [
  { value: '', label: 'All invoices' },
  { value: 'pending', label: 'Pending' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
];

export function InvoicesPage() {
  const { storeId } = useStoreAccess();
  const money = useMoney();
  const list = useListParams();
  const status = list.get('status') as '' | InvoiceStatus;
  const supplierId = list.get('supplier');
  const { suppliers } = useProductOptions(storeId);
  const invoices = useInvoices(storeId, {
    page: list.page,
    limit: 20,
    status: status || undefined,
    supplierId: supplierId || undefined,
  });

  return (
    <div className="page">
      <PageHeader
        title="Invoices"
        subtitle="Supplier invoices: review their lines, receive them, follow what is due."
      />
      <UploadInvoiceCard storeId={storeId} />
      <Card title="All invoices">
        <div className="toolbar" role="search" aria-label="Filter invoices">
          <SelectField
            label="Status"
            name="status"
            value={status}
            onChange={(e) => list.update({ status: e.target.value })}
            options={STATUS_OPTIONS}
          />
          <SelectField
            label="Supplier"
            name="supplier"
            value={supplierId}
            onChange={(e) => list.update({ supplier: e.target.value })}
            options={[
              { value: '', label: 'All suppliers' },
              ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        </div>
        <QueryState
          query={invoices}
          loading="Loading invoices…"
          empty={
            <p className="muted">
              {status || supplierId
                ? 'No invoices match these filters.'
                : 'No invoices uploaded yet.'}
            </p>
          }
        >
          {(data) => (
            <>
              <TableWrap label="Invoices">
                <table className="table" aria-label="Invoices">
                  <thead>
                    <tr>
                      <th scope="col">Invoice</th>
                      <th scope="col">Supplier</th>
                      <th scope="col">Date</th>
                      <th scope="col">Due</th>
                      <th scope="col" className="num">
                        Total
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col">Received</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((inv) => (
                      <tr key={inv.id}>
                        <td>
                          <Link to={`/stores/${storeId}/invoices/${inv.id}`}>
                            {invoiceLabel(inv)}
                          </Link>
                        </td>
                        <td>
                          {inv.supplier?.name ??
                            (inv.supplierName ? `Not set (“${inv.supplierName}”)` : 'Not set')}
                        </td>
                        <td className="nowrap">{formatDate(inv.invoiceDate)}</td>
                        <td className="nowrap">{formatDate(inv.dueDate)}</td>
                        <td className="num strong">{money(inv.total)}</td>
                        <td>
                          <InvoiceStatusBadge status={inv.status} />
                        </td>
                        <td>
                          {inv.reconciledAt ? `Yes, ${formatDate(inv.reconciledAt)}` : 'Not yet'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <Pagination
                label="Invoice pages"
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
