import { Button } from '@/components/button';
import { SelectField, TextField } from '@/components/form-field';
import type { PaymentMethod } from '../api/types';

export interface PaymentRow {
  method: PaymentMethod;
  /** As typed. */
  amount: string;
}

const METHODS: ReadonlyArray<{ value: PaymentMethod; label: string }> = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'other', label: 'Other' },
];

interface PaymentRowsProps {
  rows: PaymentRow[];
  onChange: (rows: PaymentRow[]) => void;
  /** Cents still to pay (undefined: not known yet): a payment added is for that much. */
  remaining: number | undefined;
}

/** One payment or several (a split): cash is what the customer hands over. */
export function PaymentRows({ rows, onChange, remaining }: PaymentRowsProps) {
  const set = (i: number, row: Partial<PaymentRow>) =>
    onChange(rows.map((r, n) => (n === i ? { ...r, ...row } : r)));
  return (
    <fieldset className="pay__payments">
      <legend>Payments</legend>
      {rows.map((row, i) => (
        <div className="pay__payment" key={i}>
          <SelectField
            label={`Payment ${i + 1} method`}
            name={`method-${i}`}
            options={METHODS}
            value={row.method}
            onChange={(e) => set(i, { method: e.target.value as PaymentMethod })}
          />
          <TextField
            label={
              row.method === 'cash' ? `Payment ${i + 1}: cash given` : `Payment ${i + 1}: amount`
            }
            name={`amount-${i}`}
            inputMode="decimal"
            value={row.amount}
            onChange={(e) => set(i, { amount: e.target.value })}
          />
          {rows.length > 1 && (
            <Button
              variant="ghost"
              type="button"
              aria-label={`Remove payment ${i + 1}`}
              onClick={() => onChange(rows.filter((_, n) => n !== i))}
            >
              Remove
            </Button>
          )}
        </div>
      ))}
      {rows.length < 10 && (
        <Button
          variant="secondary"
          type="button"
          onClick={() =>
            onChange([
              ...rows,
              {
                method: 'card',
                amount:
                  remaining !== undefined && remaining > 0 ? (remaining / 100).toFixed(2) : '',
              },
            ])
          }
        >
          Split: add a payment
        </Button>
      )}
    </fieldset>
  );
}
