import { SelectField, TextAreaField, TextField } from '@/components/form-field';
import type { NamedRef } from '@/lib/api/types';
import {
  LocationFields,
  num,
  PriceAndStockFields,
  type SectionProps,
} from './product-stock-fields';

interface ProductFieldsProps extends SectionProps {
  categories: NamedRef[];
  suppliers: NamedRef[];
}

// The current choice is kept even if it is missing from the list (a list cut short).
function toOptions(refs: NamedRef[], none: string, current: NamedRef | null | undefined) {
  const all = current && !refs.some((r) => r.id === current.id) ? [current, ...refs] : refs;
  return [{ value: '', label: none }, ...all.map((r) => ({ value: r.id, label: r.name }))];
}

/** Every product field, in three sections; initial quantity is only asked when creating. */
export function ProductFields({ product, categories, suppliers, error }: ProductFieldsProps) {
  const isNew = !product;
  return (
    <>
      <fieldset className="form__section">
        <legend>Identification</legend>
        <TextField
          label="Name"
          name="name"
          maxLength={200}
          defaultValue={product?.name}
          error={error('name')}
        />
        <div className="form__grid">
          <TextField
            label="SKU"
            name="sku"
            maxLength={64}
            defaultValue={product?.sku}
            hint={isNew ? 'Leave empty to generate one.' : undefined}
            error={error('sku')}
          />
          <TextField
            label="Barcode"
            name="barcode"
            maxLength={48}
            inputMode="text"
            defaultValue={product?.barcode ?? ''}
            hint="UPC-A, EAN-13, EAN-8 or Code 128."
            error={error('barcode')}
          />
        </div>
        <TextAreaField
          label="Description"
          name="description"
          defaultValue={product?.description ?? ''}
          error={error('description')}
        />
        <div className="form__grid">
          <SelectField
            label="Category"
            name="categoryId"
            defaultValue={product?.category?.id ?? ''}
            options={toOptions(categories, 'No category', product?.category)}
            error={error('categoryId')}
          />
          <SelectField
            label="Supplier"
            name="supplierId"
            defaultValue={product?.supplier?.id ?? ''}
            options={toOptions(suppliers, 'No supplier', product?.supplier)}
            error={error('supplierId')}
          />
        </div>
        <div className="form__grid">
          <TextField
            label="Brand"
            name="brand"
            defaultValue={product?.brand ?? ''}
            error={error('brand')}
          />
          <TextField
            label="Department"
            name="department"
            defaultValue={product?.department ?? ''}
            error={error('department')}
          />
          <TextField
            label="Unit"
            name="unit"
            placeholder="each, kg, box…"
            defaultValue={product?.unit ?? ''}
            error={error('unit')}
          />
          <TextField
            label="Pack size"
            name="packSize"
            type="number"
            min={1}
            step={1}
            defaultValue={num(product?.packSize)}
            error={error('packSize')}
          />
        </div>
      </fieldset>
      <PriceAndStockFields product={product} error={error} />
      <LocationFields product={product} error={error} />
    </>
  );
}
