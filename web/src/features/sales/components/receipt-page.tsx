import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { ErrorBanner, Loading } from '@/components/messages';
import { useStore } from '@/hooks/use-store';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatDateTimeIn, formatNumber } from '@/lib/format';
import { useMoney, useStoreAccess } from '@/lib/store-access';
import { useSale } from '../api/get-sale';
import { saleLabel } from '../api/types';
import { useCheckoutSettings } from '../api/get-checkout-settings';
import { SaleBarcode } from './sale-barcode';
import { ReceiptMoney, ReceiptPayments } from './receipt-money';
import { EmailReceiptButton } from './email-receipt-dialog';

/**
 * A receipt to print: the store, the sale's number and time in the store's time zone, the
 * lines at the prices recorded (tax included), totals and refunds. The print stylesheet leaves
 * out the app around it.
 */
export function ReceiptPage() {
  const { storeId, storeName } = useStoreAccess();
  const { saleId = '' } = useParams();
  const sale = useSale(storeId, saleId);
  const store = useStore(storeId);
  const settings = useCheckoutSettings(storeId);
  const money = useMoney();
  const s = sale.data;

  useEffect(() => {
    if (!s) return;
    const previous = document.title;
    document.title = `Receipt ${saleLabel(s)} · ${storeName}`;
    return () => {
      document.title = previous;
    };
  }, [s, storeName]);

  if (sale.isPending || store.isPending || settings.isPending)
    return <Loading label="Loading receipt…" />;
  if (sale.isError || store.isError || settings.isError) {
    return (
      <div className="page page--narrow">
        <ErrorBanner>{toApiError(sale.error ?? store.error ?? settings.error).message}</ErrorBanner>
      </div>
    );
  }
  const r = sale.data;
  const { timezone } = store.data;
  const at = (iso: string) => formatDateTimeIn(iso, timezone);

  return (
    <div className="page page--narrow receipt-page">
      <div className="receipt-page__actions no-print">
        <Link to={`/stores/${storeId}/sales/${saleId}`} className="back-link">
          <span aria-hidden="true">←</span> Back to the sale
        </Link>
        <EmailReceiptButton storeId={storeId} sale={r} />
        <Button onClick={() => window.print()}>Print receipt</Button>
      </div>
      <article className="receipt" aria-labelledby="receipt-title">
        <header className="receipt__header">
          <h1 id="receipt-title" className="receipt__store">
            {store.data.name}
          </h1>
          {settings.data.address && <p className="receipt__address">{settings.data.address}</p>}
          {r.provisionalNumber ? (
            // Rung up offline: the number the customer's first paper carried, then its own.
            <p>
              Provisional number <span className="strong">{r.provisionalNumber}</span>
              <br />
              Sale number <span className="strong">{saleLabel(r)}</span>
            </p>
          ) : (
            <p>
              Receipt <span className="strong">{saleLabel(r)}</span>
            </p>
          )}
          <p>
            <time dateTime={r.soldAt}>{at(r.soldAt)}</time>
          </p>
          {r.user && <p>Served by {r.user.name}</p>}
          {r.status === 'voided' && (
            <p className="receipt__void">
              VOIDED {r.voidedAt && at(r.voidedAt)}: {r.voidReason}
            </p>
          )}
        </header>
        <table className="receipt__lines" aria-label="Receipt lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Price
              </th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {r.items.flatMap((item) => [
              <tr key={item.id}>
                <td>{item.productName}</td>
                <td className="num">{formatNumber(item.quantity)}</td>
                <td className="num">{money(item.unitPrice)}</td>
                <td className="num">
                  {money(Math.round(item.quantity * item.unitPrice * 100) / 100)}
                </td>
              </tr>,
              item.discount > 0 && (
                <tr key={`${item.id}-discount`} className="receipt__sub">
                  <td colSpan={3}>
                    Discount
                    {item.priceOverrideReason ? ` (price: ${item.priceOverrideReason})` : ''}
                  </td>
                  <td className="num">{money(-item.discount)}</td>
                </tr>
              ),
            ])}
          </tbody>
          <tfoot>
            <ReceiptMoney sale={r} />
            <tr className="receipt__total">
              <th scope="row" colSpan={3}>
                Total ({formatCount(r.itemCount, 'item')})
              </th>
              <td className="num">{money(r.total)}</td>
            </tr>
            {r.refunds.map((refund) => (
              <tr key={refund.id}>
                <th scope="row" colSpan={3}>
                  Refund {at(refund.createdAt)}
                  {refund.lines.map((l) => `, ${formatNumber(l.quantity)} × ${l.productName}`)}
                </th>
                <td className="num">{money(-refund.total)}</td>
              </tr>
            ))}
            {(r.refunds.length > 0 || r.status === 'voided') && (
              <tr className="receipt__total">
                <th scope="row" colSpan={3}>
                  Net
                </th>
                <td className="num">{money(r.netTotal)}</td>
              </tr>
            )}
          </tfoot>
        </table>
        <ReceiptPayments sale={r} />
        <p className="receipt__note">
          {r.pricesIncludeTax === false
            ? 'Tax added to the prices shown.'
            : 'Prices include tax as charged.'}
        </p>
        <SaleBarcode value={saleLabel(r)} />
      </article>
    </div>
  );
}
