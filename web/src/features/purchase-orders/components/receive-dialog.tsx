import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useReceivePurchaseOrder } from '../api/receive-purchase-order';
import type { PurchaseOrder, ReceiveInput, ReceiveResult } from '../api/types';
import { ReceiveCounts } from './receive-counts';
import { checkDelivery, ReceiveSummary, type DeliveryCheck } from './receive-summary';
import { describeScan, type ScanNote } from './receive-scan-note';
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
      description="Each line starts at what is still open. Change what differs, or scan the units as you unpack them: once you scan, lines you have not scanned count 0."
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
  const [scanNote, setScanNote] = useState<ScanNote>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  // Set when the counts are valid: the delivery is checked once more before it is committed.
  const [review, setReview] = useState<{ check: DeliveryCheck; input: ReceiveInput }>();
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
      hit ? describeScan(hit) : { text: `“${code}” is not on this order.`, warning: true },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (review) return commit(review.input);
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
    const trimmed = note.trim();
    const input: ReceiveInput = {
      lines: chosen.map((l) => ({ lineId: l.id, quantity: Number(form.quantities[l.id]) })),
      ...(trimmed ? { note: trimmed } : {}),
    };
    const counts = Object.fromEntries(input.lines.map((l) => [l.lineId!, l.quantity]));
    setReview({ check: checkDelivery(form.open, counts), input });
  }

  function commit(input: ReceiveInput) {
    const chosen = input.lines.map((l) => l.lineId);
    receiving.mutate(
      { input, idempotencyKey: idempotency.keyFor(input) },
      {
        onSuccess: (result) => onReceived(result, review?.check.units ?? 0),
        onError: (error) => {
          // The API names lines by their place in what was sent; back to the counts to fix them.
          const fields = toApiError(error).fieldErrors;
          const mapped: Record<string, string> = {};
          chosen.forEach((lineId, i) => {
            const message = fields[`lines.${i}.quantity`] ?? fields[`lines.${i}.lineId`];
            if (message && lineId) mapped[lineId] = message;
          });
          setErrors(mapped);
          if (Object.keys(mapped).length) setReview(undefined);
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
      {review ? (
        <ReceiveSummary check={review.check} />
      ) : (
        <ReceiveCounts
          form={form}
          errors={errors}
          scanText={scanText}
          scanNote={scanNote}
          note={note}
          onScanText={setScanText}
          onScanKey={onScanKey}
          onNote={setNote}
        />
      )}
      <div className="form__actions">
        {review ? (
          <Button variant="ghost" onClick={() => setReview(undefined)}>
            Back to the counts
          </Button>
        ) : (
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        )}
        <Button type="submit" busy={receiving.isPending} busyLabel="Receiving…">
          {review ? 'Receive into stock' : 'Review delivery…'}
        </Button>
      </div>
    </form>
  );
}
