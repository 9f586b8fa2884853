import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { ErrorBanner, Loading, StatusMessage } from '@/components/messages';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { useCreateProduct } from '@/hooks/use-create-product';
import { useProductOptions } from '@/hooks/use-product-options';
import { toApiError, type ApiError } from '@/lib/api-error';
import { hasErrors, readForm, withoutEmpty, type FieldErrors } from '@/lib/forms';
import { useFormDirty, useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { useUpdateProduct } from '../api/update-product';
import type { Product, ProductInput } from '../api/types';
import { ProductFields } from './product-fields';
import { changedFields, checkProductValues, readProductValues } from './product-form-values';

// A duplicate SKU or barcode is a 409: show it on the field it is about.
function conflictErrors(error: ApiError | undefined): FieldErrors {
  if (!error || error.status !== 409 || Object.keys(error.fieldErrors).length) return {};
  const field = /barcode/i.test(error.message) ? 'barcode' : 'sku';
  return { [field]: error.message };
}

interface ProductFormProps {
  storeId: string;
  /** The product being edited; without it the form creates one. */
  product?: Product;
}

export function ProductForm({ storeId, product }: ProductFormProps) {
  const navigate = useNavigate();
  const { categories, suppliers } = useProductOptions(storeId);
  const create = useCreateProduct(storeId);
  const update = useUpdateProduct(storeId, product?.id ?? '');
  const mutation = product ? update : create;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unchanged, setUnchanged] = useState(false);
  const apiError = mutation.error ? toApiError(mutation.error) : undefined;
  const serverErrors = { ...apiError?.fieldErrors, ...conflictErrors(apiError) };
  const error = (name: string) => errors[name] ?? serverErrors[name];
  const fieldsToFix = hasErrors(errors) || hasErrors(serverErrors);
  const problem = fieldsToFix ? 'Please correct the highlighted fields.' : apiError?.message;
  const detailPath = (id: string) => `/stores/${storeId}/products/${id}`;
  const { dirty, formProps } = useFormDirty();
  const guard = useUnsavedChanges(dirty);
  const leave = (to: string, state?: object) => {
    guard.allowNavigation();
    navigate(to, { state });
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event);
    const found = checkProductValues(values, !product);
    setErrors(found);
    setUnchanged(false);
    if (hasErrors(found)) return;
    const input = readProductValues(values, values.active === 'on');
    const onSuccess = (saved: Product) => leave(detailPath(saved.id), { saved: true });
    if (!product) {
      create.mutate(withoutEmpty(input) as ProductInput, { onSuccess });
      return;
    }
    const changes = changedFields(product, input);
    if (Object.keys(changes).length === 0) setUnchanged(true);
    else update.mutate(changes, { onSuccess });
  }

  // The selects need their options before they can show the product's category and supplier.
  if (categories.isPending || suppliers.isPending) return <Loading label="Loading the form…" />;

  return (
    <form onSubmit={onSubmit} noValidate className="form" {...formProps}>
      <UnsavedChangesDialog blocker={guard.blocker} />
      {unchanged && <StatusMessage>Nothing changed, so there was nothing to save.</StatusMessage>}
      <ErrorBanner>{problem}</ErrorBanner>
      <ProductFields
        product={product}
        categories={categories.data ?? []}
        suppliers={suppliers.data ?? []}
        error={error}
      />
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
          {product ? 'Save product' : 'Create product'}
        </Button>
        <Button
          variant="ghost"
          onClick={() => leave(product ? detailPath(product.id) : `/stores/${storeId}/products`)}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
