import { RowActions } from '@/components/row-actions';
import { SortableHeader, type SortOrder } from '@/components/sortable-header';
import { formatNumber } from '@/lib/format';
import type { Category } from '../api/types';
import { TableWrap } from '@/components/table-wrap';

interface CategoriesTableProps {
  categories: Category[];
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  canWrite: boolean;
  canDelete: boolean;
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
}

export function CategoriesTable(props: CategoriesTableProps) {
  const { categories, sort, order, onSort, canWrite, canDelete } = props;
  return (
    <TableWrap label="Categories">
      <table className="table" aria-label="Categories">
        <thead>
          <tr>
            <SortableHeader field="name" sort={sort} order={order} onSort={onSort}>
              Name
            </SortableHeader>
            <th scope="col">Description</th>
            <SortableHeader
              field="productCount"
              sort={sort}
              order={order}
              onSort={onSort}
              className="num"
            >
              Products
            </SortableHeader>
            {(canWrite || canDelete) && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.id}>
              <td className="strong">{category.name}</td>
              <td className="muted">{category.description || '—'}</td>
              <td className="num">{formatNumber(category.productCount)}</td>
              {(canWrite || canDelete) && (
                <RowActions
                  subject={category.name}
                  onEdit={canWrite ? () => props.onEdit(category) : undefined}
                  onDelete={canDelete ? () => props.onDelete(category) : undefined}
                />
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
