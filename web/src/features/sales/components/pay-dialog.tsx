import { useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { SelectField, TextField } from '@/components/form-field';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useSaleQuote } from '../api/quote-sale';
import { saleItem, type SaleExtras, type SaleQuote, type TillLine } from '../api/types';
import { takenOff } from '../offline/taken-off';
import { needsApproval } from '../api/create-approval';
import { ApprovalDialog } from './approval-dialog';
import { PaymentRows, type PaymentRow } from './payment-rows';

interface PayDialogProps {
  open: boolean;
  lines: TillLine[];
  recording: boolean;
  error?: string;
  /** The sale was refused for want of a manager's approval of its discounts. */
  saleNeedsApproval?: boolean;
  onClose: () => void;
  /** Records the sale: with a manager's approval's token when one was given here. */
  onPay: (extras: SaleExtras, approval?: string) => void;
}

const cents = (n: number) => Math.round(n * 100);
const amountOf = (text: string) => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));

/**
 * The till's pay step: the server prices the sale (tax, a sale discount), the cashier takes
 * one or several payments (cash given shows the change), then the sale is recorded with them.
 */
export function PayDialog({ open, onClose, ...form }: PayDialogProps) {
  return (
    <Dialog open={open} title="Payment" onClose={onClose}>
      <PayForm {...form} onClose={onClose} />
    </Dialog>
  );
}

function PayForm({
  lines,
  recording,
  error,
  saleNeedsApproval,
  onPay,
  onClose,
}: Omit<PayDialogProps, 'open'>) {
  const { storeId } = useStoreAccess();
  const money = useMoney();
  const [discountText, setDiscountText] = useState('');
  const [discountKind, setDiscountKind] = useState<'percent' | 'amount'>('percent');
  const [discountReason, setDiscountReason] = useState('');
  const [approval, setApproval] = useState<string>();
  const [approving, setApproving] = useState(false);
  const [payments, setPayments] = useState<PaymentRow[]>([{ method: 'cash', amount: '' }]);
  const [customerName, setCustomerName] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const off = amountOf(discountText);
  const discount =
    discountKind === 'percent'
      ? off > 0 && off <= 100
        ? { percent: off }
        : undefined
      : off > 0
        ? { amount: Math.round(off * 100) / 100 }
        : undefined;
  const items = lines.map(saleItem);
  const quote = useSaleQuote(storeId, { items, discount }, true, approval);
  const approvalNeeded = needsApproval(quote.error) || !!saleNeedsApproval;

  const paid = payments.reduce((sum, p) => sum + (cents(amountOf(p.amount)) || 0), 0);
  const total = quote.data ? cents(quote.data.total) : undefined;
  const valid = payments.every((p) => amountOf(p.amount) > 0);
  const canPay =
    total !== undefined && valid && paid >= total && !quote.isFetching && !quote.isError;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!canPay) return;
    const customer = {
      ...(customerName.trim() ? { name: customerName.trim() } : {}),
      ...(customerEmail.trim() ? { email: customerEmail.trim() } : {}),
    };
    onPay(
      {
        ...(discount
          ? { discount, discountReason: discountReason.trim() || 'Sale discount at the till' }
          : {}),
        payments: payments.map((p) => ({ method: p.method, amount: amountOf(p.amount) })),
        ...(Object.keys(customer).length ? { customer } : {}),
      },
      approval,
    );
  }

  return (
    <>
      <form className="pay" onSubmit={submit} noValidate>
        <div className="pay__discount">
          <SelectField
            label="Sale discount as"
            name="discountKind"
            value={discountKind}
            onChange={(e) => setDiscountKind(e.target.value === 'amount' ? 'amount' : 'percent')}
            options={[
              { value: 'percent', label: 'Percent (%)' },
              { value: 'amount', label: 'Amount' },
            ]}
          />
          <TextField
            label={discountKind === 'percent' ? 'Sale discount (%)' : 'Sale discount (amount)'}
            name="discount"
            inputMode="decimal"
            value={discountText}
            onChange={(e) => setDiscountText(e.target.value)}
            hint="Optional: off the whole sale"
          />
          {discount && (
            <TextField
              label="Discount reason"
              name="discountReason"
              maxLength={200}
              value={discountReason}
              onChange={(e) => setDiscountReason(e.target.value)}
              hint="Optional; kept with the sale"
            />
          )}
        </div>
        {approvalNeeded && (
          <div className="pay__approval" role="group" aria-label="Manager approval">
            <p>
              {approval
                ? 'A manager approved; if the sale is still refused, ask again.'
                : 'These discounts need a manager’s approval.'}
            </p>
            <Button variant="secondary" onClick={() => setApproving(true)}>
              Ask a manager to approve
            </Button>
          </div>
        )}
        <QueryState query={quote} loading="Working out the total…">
          {(q) => <Totals quote={q} />}
        </QueryState>
        <PaymentRows
          rows={payments}
          onChange={setPayments}
          remaining={total === undefined ? undefined : total - paid}
        />
        <dl className="pay__summary" aria-live="polite">
          <div>
            <dt>Paid</dt>
            <dd>{money(paid / 100)}</dd>
          </div>
          {total !== undefined && paid >= total ? (
            <div className="pay__change">
              <dt>Change</dt>
              <dd>{money((paid - total) / 100)}</dd>
            </div>
          ) : (
            <div>
              <dt>Still to pay</dt>
              <dd>{total === undefined ? '…' : money((total - paid) / 100)}</dd>
            </div>
          )}
        </dl>
        <details className="pay__customer">
          <summary>Customer (optional)</summary>
          <TextField
            label="Customer name"
            name="customerName"
            value={customerName}
            onChange={(e) => setCustomerName(e.target.value)}
          />
          <TextField
            label="Customer e-mail"
            name="customerEmail"
            type="email"
            value={customerEmail}
            onChange={(e) => setCustomerEmail(e.target.value)}
          />
        </details>
        <ErrorBanner>{error}</ErrorBanner>
        <div className="dialog__actions">
          <Button variant="secondary" type="button" onClick={onClose}>
            Back to the sale
          </Button>
          <Button type="submit" disabled={!canPay} busy={recording} busyLabel="Recording sale…">
            Complete sale
          </Button>
        </div>
      </form>
      <ApprovalDialog
        storeId={storeId}
        action="discount"
        amount={takenOff(lines, discount)}
        open={approving}
        onClose={() => setApproving(false)}
        onApproved={(token) => {
          setApproving(false);
          setApproval(token);
        }}
      />
    </>
  );
}

function Totals({ quote }: { quote: SaleQuote & { offline?: true } }) {
  return (
    <>
      {quote.offline && (
        <p className="muted">
          Offline: worked out on this device from its copy of the catalogue; the server checks it
          when the sale is sent.
        </p>
      )}
      <Figures quote={quote} />
    </>
  );
}

function Figures({ quote }: { quote: SaleQuote }) {
  const money = useMoney();
  return (
    <dl className="pay__totals">
      <div>
        <dt>Subtotal</dt>
        <dd>{money(quote.subtotal)}</dd>
      </div>
      {quote.discountTotal > 0 && (
        <div>
          <dt>Discount</dt>
          <dd>{money(-quote.discountTotal)}</dd>
        </div>
      )}
      {quote.taxes.map((t) => (
        <div key={t.taxRateId}>
          <dt>
            {t.name} {t.rateBps / 100}%{quote.pricesIncludeTax ? ' (included)' : ''}
          </dt>
          <dd>{money(t.tax)}</dd>
        </div>
      ))}
      <div className="pay__total">
        <dt>Total</dt>
        <dd>{money(quote.total)}</dd>
      </div>
    </dl>
  );
}
