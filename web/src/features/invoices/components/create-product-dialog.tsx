import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { useCreateProduct } from '@/hooks/use-create-product';
import { toApiError } from '@/lib/api-error';
import type { RequestBody, Schemas } from '@/lib/api/types';
import type { InvoiceLine } from '../api/types';

type Product = Schemas['Product'];
type ProductInput = RequestBody<'createProduct'>;

interface CreateProductDialogProps {
  storeId: string;
  line: InvoiceLine;
  open: boolean;
  onClose: () => void;
  onCreated: (product: Product) => void;
}

/** A new product from an invoice line: its name, SKU, barcode and cost filled in from the line. */
export function CreateProductDialog({
  storeId,
  line,
  open,
  onClose,
  onCreated,
}: CreateProductDialogProps) {
  const create = useCreateProduct(storeId);
  const [priceError, setPriceError] = useState<string>();
  const apiError = create.error ? toApiError(create.error) : undefined;

  function close() {
    create.reset();
    setPriceError(undefined);
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const price = Number(text('price'));
    if (!text('price') || !Number.isFinite(price) || price < 0) {
      setPriceError('Enter the selling price, for example 2.49.');
      return;
    }
    setPriceError(undefined);
    const input: ProductInput = {
      name: text('name'),
      price,
      cost: text('cost') ? Number(text('cost')) : undefined,
      ...(text('sku') ? { sku: text('sku') } : {}),
      ...(text('barcode') ? { barcode: text('barcode') } : {}),
    };
    create.mutate(input, { onSuccess: onCreated });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create a product from this line"
      description="Filled in from the invoice line. It starts with no stock: reconciling the invoice receives it."
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>
          {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
        </ErrorBanner>
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={line.description ?? ''}
          error={apiError?.fieldErrors.name}
          autoFocus
        />
        <TextField
          label="SKU"
          name="sku"
          defaultValue={line.sku ?? ''}
          hint="Left empty, one is made up."
          error={apiError?.fieldErrors.sku}
        />
        <TextField
          label="Barcode"
          name="barcode"
          defaultValue={line.upc ?? ''}
          error={apiError?.fieldErrors.barcode}
        />
        <TextField
          label="Cost"
          name="cost"
          inputMode="decimal"
          defaultValue={String(line.unitCost)}
          error={apiError?.fieldErrors.cost}
        />
        <TextField
          label="Selling price"
          name="price"
          inputMode="decimal"
          required
          error={priceError ?? apiError?.fieldErrors.price}
        />
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending} busyLabel="Creating…">
            Create product
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
