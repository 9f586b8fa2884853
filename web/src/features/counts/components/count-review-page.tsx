import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { TableWrap } from '@/components/table-wrap';
import { toApiError } from '@/lib/api-error';
import { formatCount, formatNumber } from '@/lib/format';
import { useIdempotencyKey } from '@/lib/idempotency';
import { useMoney, useSeesMoney, useStoreAccess } from '@/lib/store-access';
import { usePostCount } from '../api/close-count';
import { useCountReview } from '../api/get-count-session';
import { placeOf } from './count-line-row';
import { CountStatus } from './count-status';

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** The differences (counted vs the stock when counted) at cost, and posting them. */
export function CountReviewPage() {
  const { storeId } = useStoreAccess();
  const { sessionId = '' } = useParams();
  const review = useCountReview(storeId, sessionId);
  const post = usePostCount(storeId, sessionId);
  const idempotency = useIdempotencyKey();
  const money = useMoney();
  const seesMoney = useSeesMoney();

  function onPost() {
    post.mutate(idempotency.keyFor(sessionId), {
      onSettled: (_r, error) => idempotency.settle(error),
    });
  }

  return (
    <div className="page">
      <QueryState query={review} loading="Loading the differences…">
        {({ session, lines, totals }) => {
          const counted = lines.filter((l) => l.countedQuantity !== null);
          return (
            <>
              <PageHeader
                title={`Differences: ${session.scopeLabel}`}
                subtitle={
                  <>
                    <CountStatus status={session.status} /> {formatNumber(totals.counted)} of{' '}
                    {formatNumber(totals.lines)} counted ·{' '}
                    {formatCount(totals.withDifference, 'difference')}
                  </>
                }
                actions={
                  <Link to={`/stores/${storeId}/counts/${session.id}`} className="btn btn--ghost">
                    Back to counting
                  </Link>
                }
              />
              <Card
                title={session.status === 'open' ? 'Before posting' : 'Posted'}
                description="Each difference is counted minus the stock when it was counted, so sales since are not lost. Products not counted stay as they are."
              >
                <dl className="details">
                  <dt>Units over</dt>
                  <dd>{formatNumber(totals.unitsOver)}</dd>
                  <dt>Units under</dt>
                  <dd>{formatNumber(totals.unitsUnder)}</dd>
                  {seesMoney && (
                    <>
                      <dt>Value at cost</dt>
                      <dd>{money(totals.value)}</dd>
                    </>
                  )}
                </dl>
                <StatusMessage>
                  {post.isSuccess
                    ? `Posted: ${formatCount(totals.withDifference, 'stock change')} booked.`
                    : undefined}
                </StatusMessage>
                <ErrorBanner>{post.error ? toApiError(post.error).message : undefined}</ErrorBanner>
                {session.status === 'open' && (
                  <Button busy={post.isPending} busyLabel="Posting…" onClick={onPost}>
                    Post {formatCount(totals.withDifference, 'difference')}
                  </Button>
                )}
              </Card>
              <Card title="Counted products">
                {counted.length === 0 ? (
                  <p className="muted">Nothing has been counted yet.</p>
                ) : (
                  <TableWrap label="Count differences">
                    <table className="table" aria-label="Count differences">
                      <thead>
                        <tr>
                          <th scope="col">Product</th>
                          <th scope="col" className="num">
                            Expected
                          </th>
                          <th scope="col" className="num">
                            Counted
                          </th>
                          <th scope="col" className="num">
                            Difference
                          </th>
                          {seesMoney && (
                            <th scope="col" className="num">
                              Value
                            </th>
                          )}
                        </tr>
                      </thead>
                      <tbody>
                        {counted.map((l) => (
                          <tr key={l.productId}>
                            <td>
                              {l.name}
                              <div className="muted small">{placeOf(l.location)}</div>
                            </td>
                            <td className="num">{formatNumber(l.stockAtCount)}</td>
                            <td className="num">{formatNumber(l.countedQuantity)}</td>
                            <td className="num">{l.difference ? signed(l.difference) : '0'}</td>
                            {seesMoney && <td className="num">{money(l.value)}</td>}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                )}
              </Card>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
