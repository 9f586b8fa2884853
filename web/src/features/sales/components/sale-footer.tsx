import { Button } from '@/components/button';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';

interface SaleFooterProps {
  total: number;
  units: number;
  canComplete: boolean;
  recording: boolean;
  onComplete: () => void;
  /** Opens the pay step (payments, change, a discount). */
  onPay: () => void;
}

/**
 * The total and the buttons, kept at the bottom of the screen however long the sale: take
 * payment (the pay step, online) or complete the sale at once without payment details (as
 * before, and offline: the sale is kept on the device).
 */
export function SaleFooter({
  total,
  units,
  canComplete,
  recording,
  onComplete,
  onPay,
}: SaleFooterProps) {
  const money = useMoney();
  return (
    <div className="sale-footer">
      <p className="sale-footer__total">
        <span className="muted small">{formatCount(units, 'unit')}</span>
        <span>
          Total <strong>{money(total)}</strong>
        </span>
      </p>
      <div className="sale-footer__actions">
        <Button variant="secondary" disabled={!canComplete || recording} onClick={onPay}>
          Take payment
        </Button>
        <Button
          className="sale-footer__complete"
          disabled={!canComplete}
          busy={recording}
          busyLabel="Recording sale…"
          onClick={onComplete}
        >
          Complete sale
        </Button>
      </div>
    </div>
  );
}
