import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SelectField, TextField } from '@/components/form-field';
import { useMoney } from '@/lib/store-access';
import type { LineAdjustment, TillLine } from '../api/types';

interface LineAdjustDialogProps {
  /** The line being adjusted (none: closed). */
  line?: TillLine;
  onClose: () => void;
  /** The new adjustment, or undefined to take it off. */
  onApply: (productId: string, adjustment?: LineAdjustment) => void;
}

type Kind = LineAdjustment['kind'];
const amountOf = (text: string) => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));

/**
 * A line's discount (percent or amount off the line) or a new unit price with the reason for
 * it. An employee beyond the store's limit is asked for a manager's approval when paying.
 */
export function LineAdjustDialog({ line, onClose, onApply }: LineAdjustDialogProps) {
  return (
    <Dialog
      open={line !== undefined}
      title={line ? `Adjust ${line.product.name}` : 'Adjust line'}
      description="Give a discount on this line or change its unit price."
      onClose={onClose}
    >
      {line && <AdjustForm key={line.product.id} line={line} onClose={onClose} onApply={onApply} />}
    </Dialog>
  );
}

function AdjustForm({
  line,
  onClose,
  onApply,
}: Required<Pick<LineAdjustDialogProps, 'line'>> & Omit<LineAdjustDialogProps, 'line'>) {
  const money = useMoney();
  const a = line.adjustment;
  const [kind, setKind] = useState<Kind>(a?.kind ?? 'percent');
  const [value, setValue] = useState(a ? String(a.value) : '');
  const [reason, setReason] = useState(a?.kind === 'price' ? a.reason : '');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const gross = line.product.price * line.quantity;

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = amountOf(value);
    const found: typeof errors = {};
    if (!(n >= 0) || (kind !== 'price' && n === 0)) found.value = 'Enter a number above 0.';
    else if (kind === 'percent' && n > 100) found.value = 'A percent is at most 100.';
    else if (kind === 'amount' && n > gross) found.value = `At most the line’s ${money(gross)}.`;
    if (kind === 'price' && !reason.trim()) found.reason = 'Say why the price changes.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const rounded = Math.round(n * 100) / 100;
    onApply(
      line.product.id,
      kind === 'price' ? { kind, value: rounded, reason: reason.trim() } : { kind, value: rounded },
    );
    onClose();
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="muted">
        {line.quantity} × {money(line.product.price)} = {money(gross)}
      </p>
      <SelectField
        label="Adjustment"
        name="kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setErrors({});
        }}
        options={[
          { value: 'percent', label: 'Discount (%)' },
          { value: 'amount', label: 'Discount (amount off the line)' },
          { value: 'price', label: 'New unit price' },
        ]}
      />
      <TextField
        label={kind === 'percent' ? 'Percent off' : kind === 'amount' ? 'Amount off' : 'Unit price'}
        name="value"
        inputMode="decimal"
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={errors.value}
      />
      {kind === 'price' && (
        <TextField
          label="Reason for the price"
          name="reason"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          hint="Kept with the sale, e.g. “Price match” or “Dented tin”."
        />
      )}
      <div className="form__actions">
        {a && (
          <Button
            variant="ghost"
            onClick={() => {
              onApply(line.product.id, undefined);
              onClose();
            }}
          >
            Remove adjustment
          </Button>
        )}
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit">Apply</Button>
      </div>
    </form>
  );
}
