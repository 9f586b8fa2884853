import { useId } from 'react';
import { Button } from '@/components/button';
import { ConfirmAction } from '@/components/confirm-action';
import { toApiError } from '@/lib/api-error';
import { showToast } from '@/lib/toasts';
import { useDeleteProduct } from '../api/delete-product';
import { useUpdateProduct } from '../api/update-product';
import type { Product } from '../api/types';

interface Props {
  storeId: string;
  product: Product;
  canWrite: boolean;
  canDelete: boolean;
  /** Where to go once a delete is under way (the product's own page would be gone). */
  onDeleting: () => void;
}

/**
 * Delete for a product that has never been sold; Deactivate (and Reactivate) for one that has,
 * since its sale lines keep it (the API answers 409 to the delete). `lastSoldAt` says which: the
 * ledger sets it with the first sale and never clears it.
 */
export function ProductStatusAction({ storeId, product, canWrite, canDelete, onDeleting }: Props) {
  const remove = useDeleteProduct(storeId);
  const update = useUpdateProduct(storeId, product.id);
  const noteId = useId();
  const sold = product.lastSoldAt !== null;

  if (!sold) {
    if (!canDelete) return null;
    return (
      <ConfirmAction
        action="Delete"
        subject={product.name}
        onConfirm={() => {
          remove(product);
          onDeleting();
        }}
      />
    );
  }
  if (!canWrite) return null;

  const active = !product.active;
  function setActive() {
    update.mutate(
      { active },
      {
        onSuccess: () =>
          showToast({
            message: active
              ? `Reactivated “${product.name}”.`
              : `Deactivated “${product.name}”. It stays with its sales history.`,
          }),
        onError: (error) => showToast({ tone: 'error', message: toApiError(error).message }),
      },
    );
  }
  return (
    <>
      <Button
        variant="secondary"
        busy={update.isPending}
        busyLabel={active ? 'Reactivating…' : 'Deactivating…'}
        aria-describedby={canDelete && !active ? noteId : undefined}
        onClick={setActive}
      >
        {active ? 'Reactivate' : 'Deactivate'}
        <span className="visually-hidden"> {product.name}</span>
      </Button>
      {canDelete && !active && (
        <p className="page-header__note" id={noteId}>
          Sold products cannot be deleted: their sales keep them. Deactivate it to retire it.
        </p>
      )}
    </>
  );
}
