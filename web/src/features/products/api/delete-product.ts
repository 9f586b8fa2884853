import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { deferDelete, KEEPALIVE } from '@/lib/deferred-delete';
import { productKeys, storeDataKeys } from './product-keys';

export function deleteProduct(storeId: string, id: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/products/{id}', {
    path: { storeId, id },
    transport: KEEPALIVE,
  });
}

/** After the server has deleted it: every list and count that showed it. */
export function productDeleted(queryClient: QueryClient, storeId: string, id: string) {
  // The deleted product's own queries (detail, movements, history) are dropped, not refetched:
  // that would only ask for a 404.
  const detail = productKeys.detail(storeId, id);
  const isDeleted = (key: readonly unknown[]) => detail.every((part, i) => key[i] === part);
  queryClient.removeQueries({ queryKey: detail });
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: productKeys.all(storeId),
      predicate: (query) => !isDeleted(query.queryKey),
    }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.categories(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
  ]);
}

/** Deletes a product after the Undo window (see lib/deferred-delete). */
export function useDeleteProduct(storeId: string) {
  const queryClient = useQueryClient();
  return (product: { id: string; name: string }) =>
    deferDelete({
      id: product.id,
      message: `Deleted product “${product.name}”.`,
      subject: `“${product.name}”`,
      send: () => deleteProduct(storeId, product.id),
      onDeleted: () => productDeleted(queryClient, storeId, product.id),
    });
}
