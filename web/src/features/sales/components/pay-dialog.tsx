import { useState } from 'react';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { TextField } from '@/components/form-field';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useSaleQuote } from '../api/quote-sale';
import type { SaleExtras, SaleQuote, TillLine } from '../api/types';
import { PaymentRows, type PaymentRow } from './payment-rows';

interface PayDialogProps {
  open: boolean;
  lines: TillLine[];
  recording: boolean;
  error?: string;
  onClose: () => void;
  onPay: (extras: SaleExtras) => void;
}

const cents = (n: number) => Math.round(n * 100);
const amountOf = (text: string) => (text.trim() === '' ? NaN : Number(text.replace(',', '.')));

/**
 * The till's pay step: the server prices the sale (tax, a sale discount), the cashier takes
 * one or several payments (cash given shows the change), then the sale is recorded with them.
 */
export function PayDialog({ open, lines, recording, error, onClose, onPay }: PayDialogProps) {
  return (
    <Dialog open={open} title="Payment" onClose={onClose}>
      <PayForm lines={lines} recording={recording} error={error} onPay={onPay} onClose={onClose} />
    </Dialog>
  );
}

function PayForm({ lines, recording, error, onPay, onClose }: Omit<PayDialogProps, 'open'>) {
  const { storeId } = useStoreAccess();
  const money = useMoney();
  const [discountText, setDiscountText] = useState('');
  const [payments, setPayments] = useState<PaymentRow[]>([{ method: 'cash', amount: '' }]);
  const [customerName, setCustomerName] = useState('');
  const [customerEmail, setCustomerEmail] = useState('');
  const percent = amountOf(discountText);
  const discount = percent > 0 && percent <= 100 ? { percent } : undefined;
  const items = lines.map((l) => ({ productId: l.product.id, quantity: l.quantity }));
  const quote = useSaleQuote(storeId, { items, discount }, true);

  const paid = payments.reduce((sum, p) => sum + (cents(amountOf(p.amount)) || 0), 0);
  const total = quote.data ? cents(quote.data.total) : undefined;
  const valid = payments.every((p) => amountOf(p.amount) > 0);
  const canPay = total !== undefined && valid && paid >= total && !quote.isFetching;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!canPay) return;
    const customer = {
      ...(customerName.trim() ? { name: customerName.trim() } : {}),
      ...(customerEmail.trim() ? { email: customerEmail.trim() } : {}),
    };
    onPay({
      ...(discount ? { discount, discountReason: 'Sale discount at the till' } : {}),
      payments: payments.map((p) => ({ method: p.method, amount: amountOf(p.amount) })),
      ...(Object.keys(customer).length ? { customer } : {}),
    });
  }

  return (
    <form className="pay" onSubmit={submit} noValidate>
      <TextField
        label="Sale discount (%)"
        name="discount"
        inputMode="decimal"
        value={discountText}
        onChange={(e) => setDiscountText(e.target.value)}
        hint="Optional: a percent off the whole sale"
      />
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
