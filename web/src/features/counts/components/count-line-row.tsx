import { forwardRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { CountLine } from '../api/keys';

export const placeOf = (l: CountLine['location']) =>
  [l.aisle && `Aisle ${l.aisle}`, l.row && `row ${l.row}`, l.bin && `bin ${l.bin}`]
    .filter(Boolean)
    .join(', ') || 'No location';

interface Props {
  line: CountLine;
  open: boolean;
  busy: boolean;
  error?: string;
  onCount(productId: string, counted: number): void;
}

/** One product to count: where it is, what was counted, and a field to count it (phone-sized). */
export const CountLineRow = forwardRef<HTMLInputElement, Props>(function CountLineRow(
  { line, open, busy, error, onCount },
  ref,
) {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const fieldId = `count-${line.productId}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0) {
      setInvalid('Enter a whole number, 0 or more.');
      return;
    }
    setInvalid(undefined);
    onCount(line.productId, n);
    setValue('');
  }

  const shown = invalid ?? error;
  return (
    <li className={line.countedAt ? 'count-line count-line--done' : 'count-line'}>
      <div className="count-line__what">
        <strong>{line.name}</strong>
        <span className="muted small">
          {placeOf(line.location)} · SKU {line.sku}
          {line.barcode ? ` · ${line.barcode}` : ''}
        </span>
        <span className="small">
          {line.expectedQuantity !== null && <>Expected {formatNumber(line.expectedQuantity)} · </>}
          {line.countedAt ? (
            <>
              Counted <strong>{formatNumber(line.countedQuantity)}</strong> at{' '}
              {formatDateTime(line.countedAt)}
            </>
          ) : (
            'Not counted yet'
          )}
        </span>
      </div>
      {open && (
        <form className="count-line__form" onSubmit={onSubmit} noValidate>
          <label htmlFor={fieldId} className="visually-hidden">
            Counted quantity of {line.name}
          </label>
          <input
            ref={ref}
            id={fieldId}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={shown ? true : undefined}
            aria-describedby={shown ? `${fieldId}-error` : undefined}
          />
          <Button type="submit" variant="secondary" busy={busy}>
            Save<span className="visually-hidden"> count of {line.name}</span>
          </Button>
          {shown && (
            <p className="field__error" id={`${fieldId}-error`} role="alert">
              {shown}
            </p>
          )}
        </form>
      )}
    </li>
  );
});
