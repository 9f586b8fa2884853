import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { SelectField, TextField } from '@/components/form-field';
import { Pagination } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import type { SortOrder } from '@/components/sortable-header';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { SearchBox } from '@/components/search-box';
import { useSales } from '../api/get-sales';
import { SalesTable } from './sales-table';

const STATUS_OPTIONS = [
  { value: '', label: 'All sales' },
  { value: 'completed', label: 'Completed' },
  { value: 'refunded', label: 'With refunds' },
  { value: 'voided', label: 'Voided' },
];

export function SalesPage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  const canSeeCashUp = useCan('reports:view');
  const list = useListParams();
  const from = list.get('from');
  const to = list.get('to');
  const reference = list.get('reference').trim();
  const search = list.get('q').trim();
  const status = list.get('status') as '' | 'completed' | 'voided' | 'refunded';
  const sort = (list.get('sort') || 'soldAt') as 'soldAt' | 'total';
  const order = (list.get('order') || 'desc') as SortOrder;
  const rangeError = from && to && from > to ? 'The start date is after the end date.' : undefined;
  // Plain calendar days: the API reads them as whole days in the store's time zone, whatever
  // the browser's. An inverted range is not asked for at all.
  const sales = useSales(
    storeId,
    {
      page: list.page,
      limit: 20,
      dateFrom: from || undefined,
      dateTo: to || undefined,
      ...(status === 'refunded' ? { refunded: true } : status ? { status } : {}),
      externalReference: reference.slice(0, 100) || undefined,
      search: search.slice(0, 100) || undefined,
      sort,
      order,
    },
    { enabled: !rangeError },
  );

  return (
    <div className="page">
      <PageHeader
        title="Sales"
        subtitle="Every recorded sale, newest first."
        actions={
          <>
            {canSeeCashUp && (
              <Link to={`/stores/${storeId}/cash-up`} className="btn btn--secondary">
                Cash-up
              </Link>
            )}
            <Link to={`/stores/${storeId}/checkout`} className="btn btn--secondary">
              Tax and checkout
            </Link>
            {canWrite && (
              <Link to={`/stores/${storeId}/sales/new`} className="btn btn--primary">
                Quick sale
              </Link>
            )}
          </>
        }
      />
      <Card>
        <div className="toolbar toolbar--dates" role="search" aria-label="Filter sales">
          <SearchBox
            label="Search sales"
            value={list.get('q')}
            placeholder="Number, product, barcode, customer"
            onSearch={(q) => list.update({ q })}
          />
          <TextField
            label="From"
            name="from"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => list.update({ from: e.target.value })}
            error={rangeError}
          />
          <TextField
            label="To"
            name="to"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => list.update({ to: e.target.value })}
          />
          <SelectField
            label="Status"
            name="status"
            value={status}
            onChange={(e) => list.update({ status: e.target.value })}
            options={STATUS_OPTIONS}
          />
          <TextField
            label="Reference"
            name="reference"
            value={list.get('reference')}
            maxLength={100}
            onChange={(e) => list.update({ reference: e.target.value })}
          />
        </div>
        {/* An inverted range asks the API nothing: the query waits, disabled. */}
        {!rangeError && (
          <QueryState
            query={sales}
            loading="Loading sales…"
            empty={
              <p className="muted">
                {from || to || status || reference || search
                  ? 'No sales match these filters.'
                  : 'No sales recorded yet.'}
              </p>
            }
          >
            {(page) => (
              <>
                <SalesTable
                  storeId={storeId}
                  sales={page.items}
                  sort={sort}
                  order={order}
                  onSort={(field, next) => list.update({ sort: field, order: next })}
                />
                <Pagination label="Sale pages" pagination={page.pagination} onPage={list.setPage} />
              </>
            )}
          </QueryState>
        )}
      </Card>
    </div>
  );
}
