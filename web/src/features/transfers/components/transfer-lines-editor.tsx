import { useState, type Dispatch, type SetStateAction } from 'react';
import { LinesEditor } from '@/components/lines-editor';
import { ProductPicker } from '@/components/product-picker';
import { useFindProductByCode } from '@/hooks/use-find-product-by-code';
import { toApiError } from '@/lib/api-error';
import type { ProductPick } from '@/lib/api/types';

export interface DraftTransferLine {
  product: ProductPick;
  quantity: string;
}

interface Props {
  storeId: string;
  lines: DraftTransferLine[];
  onChange: Dispatch<SetStateAction<DraftTransferLine[]>>;
  /** Messages per line field: `lines.0.quantity`. */
  errors: Record<string, string | undefined>;
}

/** The products to send: picked or scanned with the product picker, each once (again adds one). */
export function TransferLinesEditor({ storeId, lines, onChange, errors }: Props) {
  const findByCode = useFindProductByCode(storeId);
  const [pickError, setPickError] = useState<string>();
  const [busy, setBusy] = useState(false);

  function add(product: ProductPick) {
    setPickError(undefined);
    onChange((current) =>
      current.some((l) => l.product.id === product.id)
        ? current.map((l) =>
            l.product.id === product.id ? { ...l, quantity: String(Number(l.quantity) + 1) } : l,
          )
        : [...current, { product, quantity: '1' }],
    );
  }

  async function onCode(code: string) {
    setBusy(true);
    try {
      const product = await findByCode(code);
      if (product) add(product);
      else setPickError(`No product has the barcode or SKU “${code}”.`);
    } catch (error) {
      setPickError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  const lineError = (i: number) => errors[`lines.${i}.quantity`] ?? errors[`lines.${i}.productId`];

  return (
    <>
      <ProductPicker
        storeId={storeId}
        label="Add a product"
        formLabel="Add products to the transfer"
        onPick={add}
        onCode={(code) => void onCode(code)}
        error={pickError ?? errors.lines}
        busy={busy}
      />
      <LinesEditor
        label="Transfer lines"
        lines={lines}
        onChange={onChange}
        rowError={lineError}
        columns={[
          { header: 'On hand', numeric: true, cell: (line) => line.product.quantity },
          {
            header: 'Units to send',
            numeric: true,
            cell: (line, i, update) => (
              <input
                className="qty-input"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                aria-label={`Units of ${line.product.name} to send`}
                aria-invalid={lineError(i) ? true : undefined}
                value={line.quantity}
                onChange={(e) => update({ quantity: e.target.value })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
