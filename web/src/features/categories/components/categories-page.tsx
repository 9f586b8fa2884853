import { useState } from 'react';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { Pagination } from '@/components/pagination';
import { SearchBox } from '@/components/search-box';
import type { SortOrder } from '@/components/sortable-header';
import { toApiError } from '@/lib/api-error';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useDeleteCategory } from '../api/delete-category';
import { useCategories } from '../api/get-categories';
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
  const [editing, setEditing] = useState<Category>();
  const [notice, setNotice] = useState<string>();

  function onDelete(category: Category) {
    remove.mutate(category.id, {
      onSuccess: () => {
        setNotice(`Category “${category.name}” deleted. Its products no longer have a category.`);
        if (editing?.id === category.id) setEditing(undefined);
      },
    });
  }

  return (
    <div className="page">
      <PageHeader title="Categories" subtitle="Group products for filtering and reporting." />
      {canWrite && (
        <CategoryForm storeId={storeId} editing={editing} onDone={() => setEditing(undefined)} />
      )}
      <Card title="All categories">
        <StatusMessage>{notice}</StatusMessage>
        <ErrorBanner>{remove.error ? toApiError(remove.error).message : undefined}</ErrorBanner>
        <div className="toolbar">
          <SearchBox
            label="Search categories"
            value={search}
            onSearch={(value) => list.update({ search: value })}
          />
        </div>
        {categories.isPending && <Loading label="Loading categories…" />}
        {categories.isError && <ErrorBanner>{toApiError(categories.error).message}</ErrorBanner>}
        {categories.data?.items.length === 0 && (
          <p className="muted">
            {search ? 'No category matches your search.' : 'No categories yet.'}
          </p>
        )}
        {!!categories.data?.items.length && (
          <>
            <CategoriesTable
              categories={categories.data.items}
              sort={sort}
              order={order}
              onSort={(field, next) => list.update({ sort: field, order: next })}
              canWrite={canWrite}
              canDelete={canDelete}
              deletingId={remove.isPending ? remove.variables : undefined}
              onEdit={(category) => {
                setNotice(undefined);
                setEditing(category);
              }}
              onDelete={onDelete}
            />
            <Pagination
              label="Category pages"
              pagination={categories.data.pagination}
              onPage={list.setPage}
            />
          </>
        )}
      </Card>
    </div>
  );
}
