import { Link } from 'react-router-dom';
import { StatusMessage, WarningMessage } from '@/components/messages';
import { formatCount } from '@/lib/format';
import { useMoney } from '@/lib/store-access';
import { saleLabel, type Sale } from '../api/types';

export type SaleOutcome =
  | { kind: 'recorded'; sale: Sale }
  | { kind: 'queued'; units: number; total: number; provisionalNumber?: string };

interface SaleMessagesProps {
  storeId: string;
  outcome?: SaleOutcome;
  /** The last sale kept on this device that has since reached the server. */
  sent?: { sale: Sale; provisionalNumber?: string };
}

function items(n: number): string {
  return formatCount(n, 'item');
}

/** What became of the last sale: recorded, or kept on this device; and queued ones sent since. */
export function SaleMessages({ storeId, outcome, sent }: SaleMessagesProps) {
  const money = useMoney();
  const link = (sale: Sale) => <Link to={`/stores/${storeId}/sales/${sale.id}`}>View sale</Link>;
  return (
    <>
      {outcome?.kind === 'recorded' && (
        <StatusMessage>
          Sale recorded: {items(outcome.sale.itemCount)}, total {money(outcome.sale.total)}.{' '}
          {link(outcome.sale)}
        </StatusMessage>
      )}
      {outcome?.kind === 'queued' && (
        <WarningMessage>
          No answer from the server: the sale
          {outcome.provisionalNumber ? (
            <>
              {' '}
              <strong data-provisional-number>{outcome.provisionalNumber}</strong>
            </>
          ) : null}{' '}
          ({items(outcome.units)}, total {money(outcome.total)}) is kept on this device and will be
          sent by itself when the connection returns. Its receipt number is provisional until then.
        </WarningMessage>
      )}
      {sent && (
        <StatusMessage>
          A sale kept on this device has been sent:{' '}
          {sent.provisionalNumber
            ? `${sent.provisionalNumber} is now ${saleLabel(sent.sale)}`
            : saleLabel(sent.sale)}
          , total {money(sent.sale.total)}. {link(sent.sale)}
        </StatusMessage>
      )}
    </>
  );
}
