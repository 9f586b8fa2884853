import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { SelectField, TextAreaField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatNumber } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney } from '@/lib/store-access';
import { needsApproval } from '../api/create-approval';
import { useRefundSale } from '../api/refund-sale';
import { ApprovalDialog } from './approval-dialog';
import { useApprovalStep } from './use-approval-step';
import { TableWrap } from '@/components/table-wrap';
import { saleLabel, type PaymentMethod, type RefundInput, type Sale } from '../api/types';
import { DISPOSITIONS, refundCents, type Disposition } from './refund-money';

interface RefundSaleDialogProps {
  storeId: string;
  sale: Sale;
  open: boolean;
  onClose: () => void;
  onRefunded: (total: number) => void;
  /** The caller refunds only with a manager's approval (an employee): said up front. */
  approvalNeeded?: boolean;
}

const left = (line: Sale['items'][number]) => line.quantity - line.refundedQuantity;

/** Choose how many units of each line come back, why, and whether they go back on the shelf. */
export function RefundSaleDialog({
  storeId,
  sale,
  open,
  onClose,
  onRefunded,
  approvalNeeded,
}: RefundSaleDialogProps) {
  const money = useMoney();
  const refunding = useRefundSale(storeId, sale.id);
  const idempotency = useIdempotencyKey();
  const [units, setUnits] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [dispositions, setDispositions] = useState<Record<string, Disposition>>({});
  const [method, setMethod] = useState<PaymentMethod>(sale.payments[0]?.method ?? 'cash');
  const fate = (id: string) => dispositions[id] ?? 'restock';
  const refundable = sale.items.filter((line) => left(line) > 0);
  const chosen = refundable.filter((line) => (units[line.id] ?? 0) > 0);
  const totalCents = chosen.reduce((sum, line) => sum + refundCents(line, units[line.id]!), 0);
  const apiError =
    refunding.error && !needsApproval(refunding.error) ? toApiError(refunding.error) : undefined;
  const approval = useApprovalStep(send);

  function close() {
    refunding.reset();
    setUnits({});
    setErrors({});
    setDispositions({});
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reason = String(data.get('reason') ?? '').trim();
    const found: Record<string, string> = {};
    if (!chosen.length) found.lines = 'Choose at least one unit to refund.';
    if (!reason) found.reason = 'Say why the sale is refunded.';
    setErrors(found);
    if (Object.keys(found).length) return;
    // Lines not brought back follow `restock: false`; the others say what becomes of them.
    const input: RefundInput = {
      lines: chosen.map((line) => {
        const disposition = fate(line.id);
        return {
          saleLineId: line.id,
          quantity: units[line.id]!,
          ...(disposition === 'none' ? {} : { disposition }),
        };
      }),
      reason,
      restock: !chosen.some((line) => fate(line.id) === 'none'),
      method,
    };
    send(input);
  }

  function send(input: RefundInput, token?: string) {
    refunding.mutate(
      { input, idempotencyKey: idempotency.keyFor(input), approval: token },
      {
        onSuccess: (refund) => {
          setUnits({});
          onRefunded(refund.total);
        },
        onError: (error) => {
          if (approval.refused(error, input)) return;
          // The API names lines by their place in what was sent: put each message on its line.
          const fields = toApiError(error).fieldErrors;
          const mapped: Record<string, string> = {};
          chosen.forEach((line, i) => {
            const message = fields[`lines.${i}.quantity`] ?? fields[`lines.${i}.saleLineId`];
            if (message) mapped[line.id] = message;
          });
          if (fields.reason) mapped.reason = fields.reason;
          setErrors(mapped);
        },
        onSettled: (_result, error) => idempotency.settle(error),
      },
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Refund sale ${saleLabel(sale)}`}
      description="Money is paid back at the prices recorded on the sale. The refund counts against today’s revenue."
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <ErrorBanner>
          {apiError && !Object.keys(errors).length ? apiError.message : errors.lines}
        </ErrorBanner>
        <TableWrap label="Lines to refund">
          <table className="table" aria-label="Lines to refund">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col" className="num">
                  Can refund
                </th>
                <th scope="col">Units to refund</th>
                <th scope="col">The units</th>
              </tr>
            </thead>
            <tbody>
              {refundable.map((line) => {
                const inputId = `refund-${line.id}`;
                const error = errors[line.id];
                return (
                  <tr key={line.id} className={error ? 'row--invalid' : undefined}>
                    <td>{line.productName}</td>
                    <td className="num">{money(line.unitPrice)}</td>
                    <td className="num">{formatNumber(left(line))}</td>
                    <td>
                      <label htmlFor={inputId} className="visually-hidden">
                        Units to refund of {line.productName}
                      </label>
                      <input
                        id={inputId}
                        className="qty-input"
                        type="number"
                        min={0}
                        max={left(line)}
                        step={1}
                        inputMode="numeric"
                        value={units[line.id] ?? 0}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${inputId}-error` : undefined}
                        onFocus={(e) => e.target.select()}
                        onChange={(e) => {
                          const n = Math.max(
                            0,
                            Math.min(left(line), Math.floor(Number(e.target.value) || 0)),
                          );
                          setUnits((u) => ({ ...u, [line.id]: n }));
                        }}
                      />
                      {error && (
                        <p className="field__error" id={`${inputId}-error`}>
                          {error}
                        </p>
                      )}
                    </td>
                    <td>
                      <label htmlFor={`${inputId}-fate`} className="visually-hidden">
                        What becomes of the {line.productName}
                      </label>
                      <select
                        id={`${inputId}-fate`}
                        value={fate(line.id)}
                        onChange={(e) =>
                          setDispositions((d) => ({
                            ...d,
                            [line.id]: e.target.value as Disposition,
                          }))
                        }
                      >
                        {DISPOSITIONS.map((d) => (
                          <option key={d.value} value={d.value}>
                            {d.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
        <TextAreaField
          label="Reason for the refund"
          name="reason"
          maxLength={500}
          required
          error={errors.reason}
          hint="For example: damaged, wrong size, changed their mind."
        />
        <SelectField
          label="Refund paid by"
          name="method"
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
          options={[
            { value: 'cash', label: 'Cash' },
            { value: 'card', label: 'Card' },
            { value: 'other', label: 'Other' },
          ]}
          hint="Written-off units (a leaking bottle) come back as waste, never as stock to sell."
        />
        {approvalNeeded && (
          <p className="muted small">A manager or admin approves this refund on this till next.</p>
        )}
        <div className="form__actions">
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" busy={refunding.isPending} busyLabel="Refunding…">
            Refund {money(totalCents / 100)}
          </Button>
        </div>
      </form>
      <ApprovalDialog storeId={storeId} action="refund" saleId={sale.id} {...approval.dialog} />
    </Dialog>
  );
}
