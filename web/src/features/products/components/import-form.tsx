import { useId, useState } from 'react';
import { Button } from '@/components/button';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useCan, useSeesMoney } from '@/lib/store-access';
import { useImportProducts } from '../api/import-products';
import type { ImportOptions } from '../api/types';
import { ImportOutcome } from './import-outcome';

type Duplicates = 'error' | 'skip' | 'update';

const DUPLICATE_CHOICES: Array<{ value: Duplicates; label: string }> = [
  { value: 'error', label: 'Report the row as an error' },
  { value: 'skip', label: 'Skip the row (skip duplicates)' },
  { value: 'update', label: 'Update the existing product (update existing)' },
];

/** Choose a file, validate it (nothing is written), then import it. */
export function ImportForm({ storeId }: { storeId: string }) {
  const fileId = useId();
  // Rewriting existing products (and their stock) from a file is a manager's call.
  const canUpdate = useCan('inventory:bulk_update');
  const seesMoney = useSeesMoney();
  const [file, setFile] = useState<File | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates>('error');
  const [updateStock, setUpdateStock] = useState(false);
  const validation = useImportProducts(storeId);
  const run = useImportProducts(storeId);
  const idempotency = useIdempotencyKey();
  const options = (validateOnly: boolean): ImportOptions => ({
    validateOnly,
    skipDuplicates: duplicates === 'skip',
    updateExisting: duplicates === 'update',
    updateStock: duplicates === 'update' && updateStock,
  });
  const error = validation.error ?? run.error;

  function choose(next: File | null, nextDuplicates = duplicates) {
    setFile(next);
    setDuplicates(nextDuplicates);
    validation.reset();
    run.reset();
  }

  function startImport() {
    if (!file) return;
    const opts = options(false);
    const fingerprint = { name: file.name, size: file.size, modified: file.lastModified, opts };
    run.mutate(
      { file, options: opts, idempotencyKey: idempotency.keyFor(fingerprint) },
      { onSettled: (_answer, err) => idempotency.settle(err) },
    );
  }

  return (
    <div className="form">
      <div className="field">
        <label htmlFor={fileId}>Product file (CSV or XLSX)</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <p className="field__hint">
          A header row, then one product per row. Needs <code>name</code> and <code>price</code>;
          also reads <code>sku</code>, <code>barcode</code>, <code>category</code>,{' '}
          <code>supplier</code>, <code>cost</code>, <code>quantity</code>, <code>reorderPoint</code>
          , <code>expiresAt</code> and the other product fields.
          {!seesMoney &&
            ' Your role does not see costs, so rows with a cost are refused: leave it empty.'}
        </p>
      </div>
      <fieldset className="form__section">
        <legend>When a row’s SKU already exists</legend>
        {DUPLICATE_CHOICES.map((choice) => {
          const locked = choice.value === 'update' && !canUpdate;
          return (
            <div className="field field--checkbox" key={choice.value}>
              <input
                type="radio"
                id={`${fileId}-${choice.value}`}
                name="duplicates"
                value={choice.value}
                checked={duplicates === choice.value}
                disabled={locked}
                aria-describedby={locked ? `${fileId}-update-locked` : undefined}
                onChange={() => choose(file, choice.value)}
              />
              <label htmlFor={`${fileId}-${choice.value}`}>{choice.label}</label>
              {locked && (
                <p className="field__hint" id={`${fileId}-update-locked`}>
                  Updating existing products or their stock from a file is for managers and admins.
                  Your role can import new products.
                </p>
              )}
            </div>
          );
        })}
        {duplicates === 'update' && (
          <div className="field field--checkbox">
            <input
              type="checkbox"
              id={`${fileId}-stock`}
              checked={updateStock}
              onChange={(e) => {
                setUpdateStock(e.target.checked);
                validation.reset();
                run.reset();
              }}
            />
            <label htmlFor={`${fileId}-stock`}>
              Also set their stock to the file’s quantity (like a stock count)
            </label>
          </div>
        )}
        {duplicates === 'update' && !updateStock && (
          <p className="field__hint">
            Existing products keep their stock: sales and deliveries since the file was made stay
            counted.
          </p>
        )}
      </fieldset>
      <ErrorBanner>{error ? toApiError(error).message : undefined}</ErrorBanner>
      <div className="form__actions">
        <Button
          variant="secondary"
          disabled={!file || run.isPending}
          busy={validation.isPending}
          busyLabel="Validating…"
          onClick={() => file && validation.mutate({ file, options: options(true) })}
        >
          Validate
        </Button>
        <Button
          disabled={!file || validation.isPending}
          busy={run.isPending}
          busyLabel="Importing…"
          onClick={startImport}
        >
          Import
        </Button>
      </div>
      {validation.data && !run.data && (
        <ImportOutcome storeId={storeId} answer={validation.data} validateOnly />
      )}
      {run.data && <ImportOutcome storeId={storeId} answer={run.data} validateOnly={false} />}
    </div>
  );
}
