import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { TextField } from '@/components/form-field';
import { QueryState } from '@/components/query-state';
import { TableWrap } from '@/components/table-wrap';
import { useStore } from '@/hooks/use-store';
import { dayIn, formatCount } from '@/lib/format';
import { useCan, useMoney, useStoreAccess } from '@/lib/store-access';
import { useCashUp, type CashUp } from '../api/cash-up';
import { CashCountForm } from './cash-count-form';

const METHOD: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  other: 'Other',
  unspecified: 'Not said',
};

/**
 * The end of a store day at the till: takings by payment method, refunds, voids, the cash
 * the drawer should hold and the count of it, and who rang up what. The day is the store's
 * own (its time zone), today unless another is picked.
 */
export function CashUpPage() {
  const { storeId } = useStoreAccess();
  const store = useStore(storeId);
  const timezone = store.data?.timezone;
  const today = timezone ? dayIn(new Date(), timezone) : undefined;
  const [picked, setPicked] = useState<string>();
  const date = picked ?? today;
  const cashUp = useCashUp(storeId, date);
  return (
    <div className="page page--narrow">
      <Link to={`/stores/${storeId}/sales`} className="back-link">
        <span aria-hidden="true">←</span> All sales
      </Link>
      <PageHeader
        title="Cash-up"
        subtitle={`End-of-day totals at the till, by the store’s day${timezone ? ` (${timezone})` : ''}.`}
      />
      <TextField
        label="Day"
        name="date"
        type="date"
        value={date ?? ''}
        max={today}
        onChange={(e) => setPicked(e.target.value || undefined)}
      />
      <QueryState query={cashUp} loading="Loading the cash-up…">
        {(data) => <CashUpFigures data={data} storeId={storeId} today={today} />}
      </QueryState>
    </div>
  );
}

function CashUpFigures({
  data,
  storeId,
  today,
}: {
  data: CashUp;
  storeId: string;
  today: string | undefined;
}) {
  const money = useMoney();
  const canCount = useCan('sales:refund');
  const latest = data.counted;
  return (
    <>
      <Card title="Takings">
        <dl className="cash-up__facts" aria-label="Takings">
          <div>
            <dt>Sales</dt>
            <dd>
              {formatCount(data.sales.count, 'sale')} · {money(data.sales.total)}
            </dd>
          </div>
          <div>
            <dt>Tax collected</dt>
            <dd>{money(data.taxTotal)}</dd>
          </div>
          <div>
            <dt>Discounts given</dt>
            <dd>{money(data.discountTotal)}</dd>
          </div>
          <div>
            <dt>Voids</dt>
            <dd>
              {formatCount(data.voids.count, 'sale')} · {money(data.voids.total)}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title="By payment method" description="As tendered: cash as handed over.">
        <TableWrap label="Payments and refunds">
          <table className="table" aria-label="Payments and refunds">
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col" className="num">
                  Payments
                </th>
                <th scope="col" className="num">
                  Taken
                </th>
                <th scope="col" className="num">
                  Refunded
                </th>
              </tr>
            </thead>
            <tbody>
              {data.refunds.map((r) => {
                const paid = data.payments.find((p) => p.method === r.method);
                if (!paid && !r.count) return null;
                return (
                  <tr key={r.method}>
                    <th scope="row">{METHOD[r.method]}</th>
                    <td className="num">{paid ? paid.count : '—'}</td>
                    <td className="num">{paid ? money(paid.amount) : '—'}</td>
                    <td className="num">
                      {r.count ? `${money(-r.amount)} (${formatCount(r.count, 'refund')})` : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </Card>
      <Card title="Cash drawer">
        <dl className="cash-up__facts" aria-label="Cash drawer">
          <div>
            <dt>Change given</dt>
            <dd>{money(data.changeGiven)}</dd>
          </div>
          <div>
            <dt>Expected in the drawer</dt>
            <dd>{money(data.expectedCash)}</dd>
          </div>
          <div>
            <dt>Counted</dt>
            <dd>{latest ? money(latest.countedCash) : 'Not counted yet'}</dd>
          </div>
          {latest && (
            <div>
              <dt>Difference</dt>
              <dd>
                {latest.difference === 0
                  ? 'None: the drawer matches'
                  : `${money(latest.difference)} (${latest.difference < 0 ? 'short' : 'over'})`}
              </dd>
            </div>
          )}
        </dl>
        {latest && (
          <p className="muted small">
            Counted by {latest.countedBy?.name ?? 'a former member'} against{' '}
            {money(latest.expectedCash)} expected then
            {latest.note ? `: ${latest.note}` : '.'}
          </p>
        )}
        {canCount && today && data.date <= today && (
          <CashCountForm storeId={storeId} date={data.date} expected={data.expectedCash} />
        )}
      </Card>
      {data.people.length > 0 && (
        <Card title="By person" description="Who rang up the day’s sales (Nimbus has no tills).">
          <TableWrap label="Sales by person">
            <table className="table" aria-label="Sales by person">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col" className="num">
                    Sales
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" className="num">
                    Cash
                  </th>
                  <th scope="col" className="num">
                    Card
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.people.map((p) => (
                  <tr key={p.user?.id ?? 'gone'}>
                    <th scope="row">{p.user?.name ?? 'A former member'}</th>
                    <td className="num">{p.sales}</td>
                    <td className="num">{money(p.total)}</td>
                    <td className="num">
                      {money(p.payments.find((x) => x.method === 'cash')?.amount ?? 0)}
                    </td>
                    <td className="num">
                      {money(p.payments.find((x) => x.method === 'card')?.amount ?? 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </Card>
      )}
    </>
  );
}
