import { useState } from 'react';
import { Card, PageHeader } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { Pagination } from '@/components/pagination';
import { SearchBox } from '@/components/search-box';
import type { SortOrder } from '@/components/sortable-header';
import { useCategories } from '@/hooks/use-categories';
import { usePendingDeletes } from '@/lib/deferred-delete';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useDeleteCategory } from '../api/delete-category';
import type { Category, CategorySort } from '../api/types';
import { CategoriesTable } from './categories-table';
import { CategoryForm } from './category-form';

export function CategoriesPage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  const canDelete = useCan('inventory:delete');
  const list = useListParams();
  const sort = (list.get('sort') || 'name') as CategorySort;
  const order = (list.get('order') || 'asc') as SortOrder;
  const search = list.get('search');
  const categories = useCategories(storeId, { page: list.page, limit: 20, search, sort, order });
  const remove = useDeleteCategory(storeId);
  const deleting = usePendingDeletes();
  const items = categories.data?.items.filter((c) => !deleting.has(c.id));
  const [editing, setEditing] = useState<Category>();

  function onDelete(category: Category) {
    remove(category);
    if (editing?.id === category.id) setEditing(undefined);
  }

  return (
    <div className="page">
      <PageHeader title="Categories" subtitle="Group products for filtering and reporting." />
      {canWrite && (
        <CategoryForm storeId={storeId} editing={editing} onDone={() => setEditing(undefined)} />
      )}
      <Card title="All categories">
        <div className="toolbar">
          <SearchBox
            label="Search categories"
            value={search}
            onSearch={(value) => list.update({ search: value })}
          />
        </div>
        <QueryState
          query={categories}
          isEmpty={() => items?.length === 0}
          loading="Loading categories…"
          empty={
            <p className="muted">
              {search ? 'No category matches your search.' : 'No categories yet.'}
            </p>
          }
        >
          {(data) => (
            <>
              <CategoriesTable
                categories={items ?? []}
                sort={sort}
                order={order}
                onSort={(field, next) => list.update({ sort: field, order: next })}
                canWrite={canWrite}
                canDelete={canDelete}
                onEdit={setEditing}
                onDelete={onDelete}
              />
              <Pagination
                label="Category pages"
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
