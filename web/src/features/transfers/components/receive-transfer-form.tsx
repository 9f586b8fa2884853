import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { TextAreaField } from '@/components/form-field';
import { TableWrap } from '@/components/table-wrap';
import type { ReceiveTransferInput, Transfer } from '../api/types';

interface Props {
  transfer: Transfer;
  busy: boolean;
  fieldErrors: Record<string, string | undefined>;
  onReceive: (input: ReceiveTransferInput) => void;
}

/** Count what arrived, line by line (starting at what was sent); a shortfall is recorded. */
export function ReceiveTransferForm({ transfer, busy, fieldErrors, onReceive }: Props) {
  const [counts, setCounts] = useState<string[]>(() =>
    transfer.lines.map((l) => String(l.quantity)),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const all = { ...fieldErrors, ...errors };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    transfer.lines.forEach((l, i) => {
      const q = Number(counts[i]);
      if (counts[i] === '' || !Number.isInteger(q) || q < 0 || q > l.quantity)
        found[`lines.${i}.receivedQuantity`] = `Count 0 to ${l.quantity}.`;
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    onReceive({
      ...(note ? { note } : {}),
      lines: transfer.lines.map((l, i) => ({ lineId: l.id, receivedQuantity: Number(counts[i]) })),
    });
  }

  const short = transfer.lines.reduce(
    (n, l, i) => n + Math.max(0, l.quantity - Number(counts[i] || 0)),
    0,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label="Receive the transfer">
      <TableWrap label="Units counted">
        <table className="table" aria-label="Units counted">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Sent
              </th>
              <th scope="col" className="num">
                Counted
              </th>
            </tr>
          </thead>
          <tbody>
            {transfer.lines.map((l, i) => {
              const error = all[`lines.${i}.receivedQuantity`] ?? all[`lines.${i}.lineId`];
              return (
                <tr key={l.id}>
                  <td>
                    <span className="strong">{l.name}</span>
                    <div className="muted small">SKU {l.sku}</div>
                    {error && (
                      <p className="field__error" role="alert">
                        {error}
                      </p>
                    )}
                  </td>
                  <td className="num">{l.quantity}</td>
                  <td className="num">
                    <input
                      className="qty-input"
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={l.quantity}
                      step={1}
                      aria-label={`Units of ${l.name} counted`}
                      aria-invalid={error ? true : undefined}
                      value={counts[i]}
                      onChange={(e) =>
                        setCounts((c) => c.map((v, j) => (j === i ? e.target.value : v)))
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <p className="muted small" role="status">
        {short > 0
          ? `${short} units short: recorded as the difference.`
          : 'Everything sent arrived.'}
      </p>
      <TextAreaField label="Receiving note" name="note" maxLength={500} error={all.note} />
      <div className="form__actions">
        <Button type="submit" busy={busy} busyLabel="Receiving…">
          Receive into stock
        </Button>
      </div>
    </form>
  );
}
