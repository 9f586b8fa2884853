import { useState } from 'react';
import { Button } from '@/components/button';
import { useFindProductByCode } from '@/features/products/api/find-product-by-code';
import { ProductPicker } from '@/features/products/components/product-picker';
import { toApiError } from '@/lib/api-error';
import { useMoney } from '@/lib/store-access';
import type { InvoiceLine } from '../api/types';
import { CreateProductDialog } from './create-product-dialog';
import { matchWords, suggestionWords } from './match-words';

interface InvoiceLineRowProps {
  storeId: string;
  line: InvoiceLine;
  skipped: boolean;
  /** Reconciled: shown as it was received, nothing can change. */
  locked: boolean;
  busy: boolean;
  onChoose: (productId: string | null, method?: 'manual' | 'created') => void;
  onSkip: (skipped: boolean) => void;
}

/** One invoice line: what it says, what it matched (how sure, in words), its conflicts, and the choices. */
export function InvoiceLineRow({
  storeId,
  line,
  skipped,
  locked,
  busy,
  onChoose,
  onSkip,
}: InvoiceLineRowProps) {
  const money = useMoney();
  const [picking, setPicking] = useState(false);
  const [creating, setCreating] = useState(false);
  const [codeError, setCodeError] = useState<string>();
  const findByCode = useFindProductByCode(storeId);
  const title = line.description ?? line.sku ?? line.upc ?? `Line ${line.position + 1}`;
  const product = line.match.product;
  const classes = [
    'invoice-line',
    line.conflicts.length ? 'invoice-line--conflict' : '',
    skipped ? 'invoice-line--skipped' : '',
  ].join(' ');

  return (
    <tr className={classes} aria-label={`Line ${line.position + 1}: ${title}`}>
      <td>
        <strong>{title}</strong>
        {(line.sku || line.upc) && (
          <span className="invoice-line__codes">
            {[line.sku && `SKU ${line.sku}`, line.upc && `UPC ${line.upc}`]
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </td>
      <td className="num">{line.quantity}</td>
      <td className="num">{money(line.unitCost)}</td>
      <td>
        {skipped ? (
          <span className="badge">Skipped: nothing received</span>
        ) : product ? (
          <>
            <span className="strong">{product.name}</span>
            <span className="invoice-line__codes">
              {matchWords(line.match)} · SKU {product.sku}
            </span>
          </>
        ) : (
          <span className="badge badge--warning">Not matched: choose a product or skip</span>
        )}
        {line.conflicts.map((c) => (
          <p className="invoice-line__conflict" key={c.kind}>
            <span className="strong">
              {c.kind === 'price' ? 'Price conflict: ' : 'Quantity conflict: '}
            </span>
            {c.message}
          </p>
        ))}
        {locked && line.receivedQuantity !== null && (
          <span className="invoice-line__codes">Received: {line.receivedQuantity}</span>
        )}
      </td>
      <td>
        {!locked && (
          <div className="invoice-line__actions">
            {!product &&
              !skipped &&
              line.suggestions.map((s) => (
                <Button
                  key={s.productId}
                  variant="secondary"
                  disabled={busy}
                  onClick={() => onChoose(s.productId)}
                >
                  Use {s.name} ({suggestionWords(s.confidence)})
                </Button>
              ))}
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => setPicking((p) => !p)}
              aria-expanded={picking}
            >
              {product ? 'Pick another product' : 'Pick a product'}
              <span className="visually-hidden"> for {title}</span>
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => setCreating(true)}>
              Create product
              <span className="visually-hidden"> from {title}</span>
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => onSkip(!skipped)}>
              {skipped ? 'Do not skip' : 'Skip'}
              <span className="visually-hidden"> {title}</span>
            </Button>
          </div>
        )}
        {picking && !locked && (
          <ProductPicker
            storeId={storeId}
            label={`Product for “${title}”`}
            formLabel={`Pick a product for ${title}`}
            autoFocus
            onPick={(p) => {
              setPicking(false);
              onChoose(p.id);
            }}
            onCode={(code) => {
              // A scanned or typed barcode / SKU picks its product, as in the till.
              setCodeError(undefined);
              findByCode(code).then(
                (p) => {
                  if (!p) return setCodeError(`No product has the barcode or SKU “${code}”.`);
                  setPicking(false);
                  onChoose(p.id);
                },
                (e: unknown) => setCodeError(toApiError(e).message),
              );
            }}
            error={codeError}
          />
        )}
        <CreateProductDialog
          storeId={storeId}
          line={line}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            onChoose(p.id, 'created');
          }}
        />
      </td>
    </tr>
  );
}
