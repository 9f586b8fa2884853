import { useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/button';
import { LinesEditor } from '@/components/lines-editor';
import { ProductPicker } from '@/components/product-picker';
import { useFindProductByCode } from '@/hooks/use-find-product-by-code';
import { productQueryOptions } from '@/hooks/use-product';
import { toApiError } from '@/lib/api-error';
import type { ProductPick } from '@/lib/api/types';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import { lowStockItems } from './low-stock-items';

/** A line being written: quantities and costs as typed, checked on submit. */
export interface DraftLine {
  product: ProductPick;
  quantity: string;
  unitCost: string;
  /** Kept from the order being edited; new lines do not allow over-receipt. */
  allowOverReceipt?: boolean;
}

const cents = (text: string) => Math.round(Number(text) * 100);

export function draftTotal(lines: DraftLine[]): number {
  return (
    lines.reduce((sum, l) => {
      const q = Number(l.quantity);
      const c = cents(l.unitCost);
      return Number.isFinite(q) && Number.isFinite(c) ? sum + q * c : sum;
    }, 0) / 100
  );
}

interface Props {
  storeId: string;
  /** The order's supplier: the picker suggests its items, and its low-stock items can be added. */
  supplierId?: string;
  lines: DraftLine[];
  /** The state setter: lines added while a lookup is in flight build on the latest lines. */
  onChange: Dispatch<SetStateAction<DraftLine[]>>;
  /** Messages per line field: `lines.0.quantity`. */
  errors: Record<string, string | undefined>;
}

/**
 * The order's lines: products added with the product picker (search or scan), each once; a
 * product added again adds one to its quantity. The unit cost starts at the product's cost.
 */
export function OrderLinesEditor({ storeId, supplierId, lines, onChange, errors }: Props) {
  const money = useMoney();
  const queryClient = useQueryClient();
  const findByCode = useFindProductByCode(storeId);
  const pickerRef = useRef<HTMLInputElement>(null);
  const [pickError, setPickError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [lowStockNote, setLowStockNote] = useState<string>();
  /** Picks and scans are added in the order they were made, as in the till. */
  const queue = useRef<Promise<void>>(Promise.resolve());

  async function add(product: ProductPick) {
    setPickError(undefined);
    // A pick and a scan can be in flight together: each builds on the lines as they are when
    // its lookup returns, never on the lines the render that started it saw (the first added
    // would be lost).
    const full = await queryClient.fetchQuery(productQueryOptions(storeId, product.id));
    onChange((current) => {
      const at = current.findIndex((l) => l.product.id === product.id);
      if (at >= 0) {
        return current.map((l, i) =>
          i === at ? { ...l, quantity: String(Number(l.quantity) + 1) } : l,
        );
      }
      return [...current, { product, quantity: '1', unitCost: (full.cost ?? 0).toFixed(2) }];
    });
  }

  async function onCode(code: string) {
    setBusy(true);
    try {
      const product = await findByCode(code);
      if (product) await add(product);
      else setPickError(`No product has the barcode or SKU “${code}”.`);
    } catch (error) {
      setPickError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  async function addLowStock(supplier: string) {
    setPickError(undefined);
    setBusy(true);
    try {
      const low = await lowStockItems(queryClient, storeId, supplier);
      let added = 0;
      onChange((current) => {
        const have = new Set(current.map((l) => l.product.id));
        const fresh = low.filter((l) => !have.has(l.product.id));
        added = fresh.length;
        return [...current, ...fresh];
      });
      setLowStockNote(
        low.length === 0
          ? 'None of this supplier’s items is low on stock.'
          : added === 0
            ? 'Its low-stock items are already on the order.'
            : `Added ${formatCount(added, 'low-stock item')}: each up to twice its reorder point, or its reorder quantity.`,
      );
    } catch (error) {
      setPickError(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  const quantityError = (i: number) => errors[`lines.${i}.quantity`];
  const costError = (i: number) => errors[`lines.${i}.unitCost`] ?? errors[`lines.${i}.productId`];

  return (
    <>
      <ProductPicker
        storeId={storeId}
        label="Add a product"
        formLabel="Add products to the order"
        inputRef={pickerRef}
        onPick={(p) => {
          queue.current = queue.current.then(() =>
            add(p).catch((e: unknown) => setPickError(toApiError(e).message)),
          );
        }}
        onCode={(code) => {
          queue.current = queue.current.then(() => onCode(code));
        }}
        error={pickError ?? errors.lines}
        busy={busy}
        supplierId={supplierId}
      />
      {supplierId && (
        <div className="toolbar">
          <Button variant="secondary" busy={busy} onClick={() => void addLowStock(supplierId)}>
            Add low-stock items of this supplier
          </Button>
          {lowStockNote && (
            <span className="muted small" role="status">
              {lowStockNote}
            </span>
          )}
        </div>
      )}
      <LinesEditor
        label="Order lines"
        lines={lines}
        onChange={onChange}
        rowError={(i) => quantityError(i) ?? costError(i)}
        columns={[
          {
            header: 'Quantity',
            numeric: true,
            cell: (line, i, update) => (
              <input
                className="qty-input"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                aria-label={`Quantity of ${line.product.name}`}
                aria-invalid={quantityError(i) ? true : undefined}
                value={line.quantity}
                onChange={(e) => update({ quantity: e.target.value })}
              />
            ),
          },
          {
            header: 'Unit cost',
            numeric: true,
            cell: (line, i, update) => (
              <input
                className="qty-input"
                type="number"
                inputMode="decimal"
                min={0}
                step={0.01}
                aria-label={`Unit cost of ${line.product.name}`}
                aria-invalid={costError(i) ? true : undefined}
                value={line.unitCost}
                onChange={(e) => update({ unitCost: e.target.value })}
              />
            ),
          },
          { header: 'Line total', numeric: true, cell: (line) => money(draftTotal([line])) },
        ]}
        footer={
          <>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num strong">{money(draftTotal(lines))}</td>
            <td />
          </>
        }
      />
    </>
  );
}
