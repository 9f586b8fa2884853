import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { PagedList } from '@/components/paged-list';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useTransfers } from '../api/get-transfers';
import type { TransferListParams, TransferStatus } from '../api/types';
import { TransfersTable } from './transfers-table';

const CHIPS = [
  { value: '', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'sent', label: 'In transit' },
  { value: 'received', label: 'Received' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** Stock sent to and received from the user's other stores. */
export function TransfersPage() {
  const { storeId } = useStoreAccess();
  const canTransfer = useCan('inventory:transfer');
  const list = useListParams();
  const status = list.get('status');
  const direction = list.get('direction') as TransferListParams['direction'] | '';
  const transfers = useTransfers(storeId, {
    page: list.page,
    limit: 20,
    status: status ? (status.split(',') as TransferStatus[]) : undefined,
    direction: direction || undefined,
  });
  const filtered = Boolean(status || direction);

  return (
    <div className="page">
      <PageHeader
        title="Transfers"
        subtitle="Stock moved between your stores: sent from one, received in the other."
        actions={
          canTransfer && (
            <Link to={`/stores/${storeId}/transfers/new`} className="btn btn--primary">
              New transfer
            </Link>
          )
        }
      />
      <Card>
        <div className="toolbar" role="search" aria-label="Filter transfers">
          <div className="chips" role="group" aria-label="Status">
            {CHIPS.map((chip) => (
              <button
                key={chip.label}
                type="button"
                className={status === chip.value ? 'chip is-active' : 'chip'}
                aria-pressed={status === chip.value}
                onClick={() => list.update({ status: chip.value })}
              >
                {chip.label}
              </button>
            ))}
          </div>
          <SelectField
            label="Direction"
            name="direction"
            value={direction}
            onChange={(e) => list.update({ direction: e.target.value })}
            options={[
              { value: '', label: 'Both ways' },
              { value: 'outgoing', label: 'Sent from this store' },
              { value: 'incoming', label: 'Coming to this store' },
            ]}
          />
        </div>
        <PagedList
          query={transfers}
          loading="Loading transfers…"
          empty={filtered ? 'No transfers match these filters.' : 'No transfers yet.'}
          pagesLabel="Transfer pages"
          onPage={list.setPage}
        >
          {(items) => <TransfersTable storeId={storeId} transfers={items} />}
        </PagedList>
      </Card>
    </div>
  );
}
