import { useState, type Dispatch, type SetStateAction } from 'react';
import { Button } from '@/components/button';
import { ProductPicker } from '@/components/product-picker';
import { TableWrap } from '@/components/table-wrap';
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

  const update = (i: number, quantity: string) =>
    onChange((current) => current.map((l, j) => (j === i ? { ...l, quantity } : l)));

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
      {lines.length > 0 && (
        <TableWrap label="Transfer lines">
          <table className="table" aria-label="Transfer lines">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  On hand
                </th>
                <th scope="col" className="num">
                  Units to send
                </th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => {
                const error = errors[`lines.${i}.quantity`] ?? errors[`lines.${i}.productId`];
                return (
                  <tr key={line.product.id}>
                    <td>
                      <span className="strong">{line.product.name}</span>
                      <div className="muted small">SKU {line.product.sku}</div>
                      {error && (
                        <p className="field__error" role="alert">
                          {error}
                        </p>
                      )}
                    </td>
                    <td className="num">{line.product.quantity}</td>
                    <td className="num">
                      <input
                        className="qty-input"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        step={1}
                        aria-label={`Units of ${line.product.name} to send`}
                        aria-invalid={error ? true : undefined}
                        value={line.quantity}
                        onChange={(e) => update(i, e.target.value)}
                      />
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        onClick={() => onChange((current) => current.filter((_, j) => j !== i))}
                      >
                        Remove<span className="visually-hidden"> {line.product.name}</span>
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
