import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatNumber } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useReceivePurchaseOrder } from '../api/receive-purchase-order';
import type { PurchaseOrder, ReceiveInput, ReceiveResult } from '../api/types';
import { useReceiveQuantities } from './use-receive-quantities';

interface ReceiveDialogProps {
  storeId: string;
  order: PurchaseOrder;
  open: boolean;
  onClose: () => void;
  onReceived: (result: ReceiveResult, units: number) => void;
}

export function ReceiveDialog({ open, onClose, order, ...rest }: ReceiveDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Receive ${order.orderNumber}`}
      description="Each line starts at what is still open. Change what differs, or scan the units as you unpack them."
    >
      <ReceiveForm order={order} onClose={onClose} {...rest} />
    </Dialog>
  );
}

/** Mounted per opening of the dialog: a fresh count and a fresh Idempotency-Key each time. */
function ReceiveForm({ storeId, order, onClose, onReceived }: Omit<ReceiveDialogProps, 'open'>) {
  const receiving = useReceivePurchaseOrder(storeId, order.id);
  const idempotency = useIdempotencyKey();
  const form = useReceiveQuantities(order.lines);
  const [scanText, setScanText] = useState('');
  const [scanNote, setScanNote] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = receiving.error ? toApiError(receiving.error) : undefined;

  function onScanKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    // A scanner types the code and Enter: that must not submit the delivery.
    event.preventDefault();
    const code = scanText.trim();
    setScanText('');
    if (!code) return;
    const hit = form.scan(code);
    setScanNote(
      hit
        ? `${hit.line.product.name}: ${formatCount(hit.count, 'unit')} counted, ${formatNumber(hit.line.openQuantity)} open.`
        : `“${code}” is not on this order.`,
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    const found: Record<string, string> = {};
    const chosen = form.open.filter((l) => {
      const text = form.quantities[l.id] ?? '';
      const q = Number(text);
      if (text === '' || q === 0) return false;
      if (!Number.isInteger(q) || q < 0) found[l.id] = 'Give a whole number of units.';
      else if (q > l.openQuantity && !l.allowOverReceipt)
        found[l.id] = `Only ${formatCount(l.openQuantity, 'unit')} open.`;
      return true;
    });
    if (!chosen.length && !Object.keys(found).length)
      found.form = 'Enter at least one unit received.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const input: ReceiveInput = {
      lines: chosen.map((l) => ({ lineId: l.id, quantity: Number(form.quantities[l.id]) })),
      ...(note ? { note } : {}),
    };
    const units = input.lines.reduce((n, l) => n + l.quantity, 0);
    receiving.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (result) => onReceived(result, units),
        onError: (error) => {
          // The API names lines by their place in what was sent.
          const fields = toApiError(error).fieldErrors;
          const mapped: Record<string, string> = {};
          chosen.forEach((l, i) => {
            const message = fields[`lines.${i}.quantity`] ?? fields[`lines.${i}.lineId`];
            if (message) mapped[l.id] = message;
          });
          setErrors(mapped);
        },
        onSettled: (_r, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <ErrorBanner>
        {errors.form ??
          (apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined)}
      </ErrorBanner>
      <TextField
        label="Scan a barcode or SKU"
        name="scan"
        autoComplete="off"
        autoFocus
        value={scanText}
        onChange={(e) => setScanText(e.target.value)}
        onKeyDown={onScanKey}
        hint="The first scan of a product starts its count at 1; each next scan adds one. Focus stays here for the next scan."
      />
      <StatusMessage>{scanNote}</StatusMessage>
      <div className="table-wrap">
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
      </div>
      <TextAreaField
        label="Delivery note"
        name="note"
        maxLength={500}
        hint="For example: the delivery slip number."
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" busy={receiving.isPending} busyLabel="Receiving…">
          Receive into stock
        </Button>
      </div>
    </form>
  );
}
