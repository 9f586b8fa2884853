import type { KeyboardEvent } from 'react';
import { Button } from '@/components/button';
import { TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage, WarningMessage } from '@/components/messages';
import { formatNumber } from '@/lib/format';
import type { ScanNote } from './receive-scan-note';
import type { useReceiveQuantities } from './use-receive-quantities';
import { TableWrap } from '@/components/table-wrap';

interface CountsProps {
  form: ReturnType<typeof useReceiveQuantities>;
  errors: Record<string, string>;
  scanText: string;
  scanNote?: ScanNote;
  note: string;
  onScanText: (text: string) => void;
  onScanKey: (event: KeyboardEvent<HTMLInputElement>) => void;
  onNote: (note: string) => void;
}

/** The scan field, a count per open line and the delivery note. */
export function ReceiveCounts({ form, errors, scanText, scanNote, note, ...on }: CountsProps) {
  return (
    <>
      <TextField
        label="Scan a barcode or SKU"
        name="scan"
        autoComplete="off"
        autoFocus
        value={scanText}
        onChange={(e) => on.onScanText(e.target.value)}
        onKeyDown={on.onScanKey}
        hint="Each scan counts one unit: the first scan of a product starts its count at 1, each next one adds one, up to what is open. Once you scan (also after Receive all), lines you have neither scanned nor typed count 0. Focus stays here for the next scan."
      />
      {scanNote?.alert ? (
        <ErrorBanner>{scanNote.text}</ErrorBanner>
      ) : scanNote?.warning ? (
        <WarningMessage>{scanNote.text}</WarningMessage>
      ) : (
        <StatusMessage>{scanNote?.text}</StatusMessage>
      )}
      <TableWrap label="Units received">
        <table className="table" aria-label="Units received">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Received now
              </th>
            </tr>
          </thead>
          <tbody>
            {form.open.map((line) => (
              <tr
                key={line.id}
                className={form.lastScanned === line.id ? 'row--scanned' : undefined}
              >
                <td>
                  {line.product.name}
                  <div className="muted small">SKU {line.product.sku}</div>
                  {errors[line.id] && (
                    <p className="field__error" role="alert">
                      {errors[line.id]}
                    </p>
                  )}
                </td>
                <td className="num">{formatNumber(line.openQuantity)}</td>
                <td className="num">
                  <input
                    ref={form.inputRef(line.id)}
                    className="qty-input"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    step={1}
                    aria-label={`Units received of ${line.product.name}`}
                    aria-invalid={errors[line.id] ? true : undefined}
                    value={form.quantities[line.id] ?? ''}
                    onChange={(e) => form.set(line.id, e.target.value)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div className="form__actions">
        <Button variant="secondary" onClick={form.receiveAll}>
          Receive all
        </Button>
      </div>
      <TextAreaField
        label="Delivery note"
        name="note"
        maxLength={500}
        value={note}
        onChange={(e) => on.onNote(e.target.value)}
        hint="For example: the delivery slip number."
      />
    </>
  );
}
