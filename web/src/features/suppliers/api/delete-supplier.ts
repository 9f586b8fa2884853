import { useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { deferDelete, KEEPALIVE } from '@/lib/deferred-delete';
import { storeDataKeys, supplierKeys } from './supplier-keys';
import type { Supplier } from './types';

export function deleteSupplier(storeId: string, id: string): Promise<void> {
  return apiClient.delete('/stores/{storeId}/suppliers/{id}', {
    path: { storeId, id },
    transport: KEEPALIVE,
  });
}

/** Deletes a supplier after the Undo window (see lib/deferred-delete); its products stay, without one. */
export function useDeleteSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return (supplier: Supplier) =>
    deferDelete({
      id: supplier.id,
      message: `Deleted supplier “${supplier.name}”.`,
      subject: `supplier “${supplier.name}”`,
      send: () => deleteSupplier(storeId, supplier.id),
      onDeleted: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
          queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        ]),
    });
}
