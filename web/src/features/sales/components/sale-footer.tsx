import { Button } from '@/components/button';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';

interface SaleFooterProps {
  total: number;
  units: number;
  canComplete: boolean;
  recording: boolean;
  onComplete: () => void;
}

/** The total and the complete button, kept at the bottom of the screen however long the sale. */
export function SaleFooter({ total, units, canComplete, recording, onComplete }: SaleFooterProps) {
  const money = useMoney();
  return (
    <div className="sale-footer">
      <p className="sale-footer__total">
        <span className="muted small">{formatCount(units, 'unit')}</span>
        <span>
          Total <strong>{money(total)}</strong>
        </span>
      </p>
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
  );
}
