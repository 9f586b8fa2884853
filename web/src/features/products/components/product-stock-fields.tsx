import { CheckboxField, TextField } from '@/components/form-field';
import { useSeesMoney } from '@/lib/store-access';
import type { Product } from '../api/types';

export interface SectionProps {
  /** The product being edited; without it the fields start empty for a new one. */
  product?: Product;
  error: (name: string) => string | undefined;
}

/** A number as an input's default value; empty when unset. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

function money(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : n.toFixed(2);
}

export function PriceAndStockFields({ product, error }: SectionProps) {
  const isNew = !product;
  // Without the money permission the cost is neither shown nor sent (the API would refuse it).
  const seesMoney = useSeesMoney();
  return (
    <fieldset className="form__section">
      <legend>Price and stock</legend>
      <div className="form__grid">
        <TextField
          label="Price"
          name="price"
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          defaultValue={money(product?.price)}
          hint="Retail price per unit."
          error={error('price')}
        />
        {seesMoney && (
          <TextField
            label="Cost"
            name="cost"
            type="number"
            min={0}
            step="0.01"
            inputMode="decimal"
            defaultValue={money(product?.cost)}
            hint="What one unit costs you."
            error={error('cost')}
          />
        )}
        {isNew && (
          <TextField
            label="Initial quantity"
            name="initialQuantity"
            type="number"
            min={0}
            step={1}
            hint="Recorded as the first stock movement."
            error={error('initialQuantity')}
          />
        )}
      </div>
      <div className="form__grid">
        <TextField
          label="Reorder point"
          name="reorderPoint"
          type="number"
          min={0}
          step={1}
          defaultValue={num(product?.reorderPoint)}
          hint="Low stock at or below this quantity."
          error={error('reorderPoint')}
        />
        <TextField
          label="Reorder quantity"
          name="reorderQuantity"
          type="number"
          min={0}
          step={1}
          defaultValue={num(product?.reorderQuantity)}
          error={error('reorderQuantity')}
        />
        <TextField
          label="Expiry date"
          name="expiresAt"
          type="date"
          defaultValue={product?.expiresAt ?? ''}
          error={error('expiresAt')}
        />
      </div>
    </fieldset>
  );
}

export function LocationFields({ product, error }: SectionProps) {
  return (
    <fieldset className="form__section">
      <legend>Location in the store</legend>
      <div className="form__grid">
        <TextField
          label="Aisle"
          name="location.aisle"
          defaultValue={product?.location?.aisle ?? ''}
          error={error('location.aisle') ?? error('location')}
        />
        <TextField
          label="Row"
          name="location.row"
          defaultValue={product?.location?.row ?? ''}
          error={error('location.row')}
        />
        <TextField
          label="Bin"
          name="location.bin"
          defaultValue={product?.location?.bin ?? ''}
          error={error('location.bin')}
        />
      </div>
      <CheckboxField
        label="Active (sold and counted)"
        name="active"
        defaultChecked={product?.active ?? true}
      />
    </fieldset>
  );
}
