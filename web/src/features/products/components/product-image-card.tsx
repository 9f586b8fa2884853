import { useId, useRef } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { ProductThumb } from '@/components/product-thumb';
import { toApiError } from '@/lib/api-error';
import { useRemoveProductImage, useSetProductImage } from '../api/product-image';
import type { Product } from '../api/types';

/** The product's picture; whoever may edit products uploads, replaces or removes it. */
export function ProductImageCard({
  storeId,
  product,
  canWrite,
}: {
  storeId: string;
  product: Product;
  canWrite: boolean;
}) {
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const upload = useSetProductImage(storeId, product.id);
  const remove = useRemoveProductImage(storeId, product.id);
  const error = upload.error ?? remove.error;

  function choose(file: File | undefined) {
    if (!file) return;
    remove.reset();
    upload.mutate(file, {
      onSettled: () => {
        if (input.current) input.current.value = '';
      },
    });
  }

  return (
    <Card title="Picture">
      <div className="product-picture">
        {product.image ? (
          <ProductThumb storeId={storeId} product={product} size="large" />
        ) : (
          <p className="muted">No picture yet.</p>
        )}
      </div>
      {canWrite && (
        <div className="field">
          <label htmlFor={fileId}>
            {product.image ? 'Replace the picture' : 'Upload a picture'} (JPEG, PNG or WebP)
          </label>
          <input
            id={fileId}
            ref={input}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            disabled={upload.isPending}
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <p className="field__hint" aria-live="polite">
            {upload.isPending
              ? 'Uploading…'
              : 'Resized and stored without its metadata (location, camera).'}
          </p>
        </div>
      )}
      {canWrite && product.image && (
        <Button
          variant="secondary"
          busy={remove.isPending}
          busyLabel="Removing…"
          onClick={() => {
            upload.reset();
            remove.mutate();
          }}
        >
          Remove picture
        </Button>
      )}
      <ErrorBanner>{error ? toApiError(error).message : undefined}</ErrorBanner>
    </Card>
  );
}
