import { Link } from 'react-router-dom';
import { RowActions } from '@/components/row-actions';
import { SortableHeader, type SortOrder } from '@/components/sortable-header';
import { formatCount, formatDate, formatNumber } from '@/lib/format';
import type { Supplier } from '../api/types';
import { countryName } from './country-options';
import { SUPPLIER_STATUS_OPTIONS } from './supplier-status-options';
import { TableWrap } from '@/components/table-wrap';

interface SuppliersTableProps {
  storeId: string;
  suppliers: Supplier[];
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  canManage: boolean;
  canDelete: boolean;
  onEdit: (supplier: Supplier) => void;
  onDelete: (supplier: Supplier) => void;
}

/** "Hamburg, Germany": where the supplier is, as far as its address says. */
function placeOf(supplier: Supplier): string {
  const country = supplier.country ? countryName(supplier.country) : undefined;
  return [supplier.city, country].filter(Boolean).join(', ');
}

function statusLabel(status: string): string {
  return SUPPLIER_STATUS_OPTIONS.find((o) => o.value === status)?.label ?? status;
}

export function SuppliersTable(props: SuppliersTableProps) {
  const { storeId, suppliers, sort, order, onSort, canManage, canDelete } = props;
  return (
    <TableWrap label="Suppliers">
      <table className="table" aria-label="Suppliers">
        <thead>
          <tr>
            <SortableHeader field="name" sort={sort} order={order} onSort={onSort}>
              Name
            </SortableHeader>
            <th scope="col">Contact</th>
            <SortableHeader field="status" sort={sort} order={order} onSort={onSort}>
              Status
            </SortableHeader>
            <th scope="col" className="num">
              Lead time
            </th>
            <th scope="col" className="num">
              Products
            </th>
            <th scope="col" className="num">
              Open orders
            </th>
            <th scope="col" className="num">
              On time
            </th>
            <th scope="col" className="num" title="Mean of on-time and fill rate, 0–100">
              Reliability
            </th>
            <SortableHeader field="lastOrderAt" sort={sort} order={order} onSort={onSort}>
              Last order
            </SortableHeader>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {suppliers.map((supplier) => (
            <tr key={supplier.id}>
              <td className="strong">
                <Link to={`/stores/${storeId}/suppliers/${supplier.id}`}>{supplier.name}</Link>
              </td>
              <td>
                <div>{supplier.contactPerson || '—'}</div>
                <div className="muted small">
                  {[supplier.email, supplier.phone].filter(Boolean).join(' · ')}
                </div>
                <div className="muted small">{placeOf(supplier)}</div>
              </td>
              <td>
                <span className={`status-badge status-badge--${supplier.status}`}>
                  {statusLabel(supplier.status)}
                </span>
              </td>
              <td className="num">
                {supplier.leadTimeDays == null ? '—' : formatCount(supplier.leadTimeDays, 'day')}
              </td>
              <td className="num">{formatNumber(supplier.productCount)}</td>
              <td className="num">{formatNumber(supplier.openOrders)}</td>
              <td className="num">
                {supplier.onTimeDeliveryRate == null
                  ? '—'
                  : `${Math.round(supplier.onTimeDeliveryRate * 100)}%`}
              </td>
              <td className="num">{formatNumber(supplier.reliabilityScore)}</td>
              <td className="nowrap">
                {supplier.lastOrderAt ? formatDate(supplier.lastOrderAt) : 'Never'}
              </td>
              {canManage && (
                <RowActions
                  subject={supplier.name}
                  onEdit={() => props.onEdit(supplier)}
                  onDelete={canDelete ? () => props.onDelete(supplier) : undefined}
                />
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
