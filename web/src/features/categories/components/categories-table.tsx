import { Button } from '../../../components/button';
import { ConfirmAction } from '../../../components/confirm-action';
import { SortableHeader, type SortOrder } from '../../../components/sortable-header';
import { formatNumber } from '../../../lib/format';
import type { Category } from '../api/types';

interface CategoriesTableProps {
  categories: Category[];
  sort: string;
  order: SortOrder;
  onSort: (field: string, order: SortOrder) => void;
  canWrite: boolean;
  canDelete: boolean;
  deletingId?: string;
  onEdit: (category: Category) => void;
  onDelete: (category: Category) => void;
}

export function CategoriesTable(props: CategoriesTableProps) {
  const { categories, sort, order, onSort, canWrite, canDelete } = props;
  return (
    <div className="table-wrap">
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
                <td className="table__actions">
                  {canWrite && (
                    <Button variant="ghost" onClick={() => props.onEdit(category)}>
                      Edit<span className="visually-hidden"> {category.name}</span>
                    </Button>
                  )}
                  {canDelete && (
                    <ConfirmAction
                      action="Delete"
                      subject={category.name}
                      busy={props.deletingId === category.id}
                      onConfirm={() => props.onDelete(category)}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
