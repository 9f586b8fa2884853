import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { usePrediction } from '../api/get-prediction';
import type { Prediction } from '../api/types';
import { demandWords, stockLeftWords } from './forecast-words';
import { UseSuggestedReorderPoint } from './use-suggested-reorder-point';

// `method` reads "<demand source>+<lead-time source>", e.g. `forecast+supplier_performance`.
const sources: Record<string, string> = {
  forecast: 'the demand forecast',
  average_30d: 'the average of the last 30 days',
  supplier_performance: "the supplier's measured lead time",
  supplier_terms: "the supplier's stated lead time",
  default: 'a default lead time of 7 days (no supplier lead time known)',
};

function methodWords(method: string): string {
  return method
    .split('+')
    .map((part) => sources[part] ?? part.replace(/_/g, ' '))
    .join(', and ');
}

/**
 * Days of stock left, what is on order, and when and how much to reorder: one demand figure
 * (the one the forecast chart's caption quotes) and one reorder point (the product's own, with
 * Nimbus's suggestion offered beside it).
 */
export function StockOutlookCard({
  storeId,
  productId,
  canEdit,
}: {
  storeId: string;
  productId: string;
  canEdit: boolean;
}) {
  const prediction = usePrediction(storeId, productId);
  return (
    <Card title="Stock outlook" description="From the demand forecast and what is on order.">
      <QueryState query={prediction} loading="Working out days left…">
        {(data) => <Outlook storeId={storeId} prediction={data} canEdit={canEdit} />}
      </QueryState>
    </Card>
  );
}

function Outlook({
  storeId,
  prediction,
  canEdit,
}: {
  storeId: string;
  prediction: Prediction;
  canEdit: boolean;
}) {
  const { reorder, onOrder } = prediction;
  const suggested = reorder ? Math.ceil(reorder.reorderPoint) : undefined;
  return (
    <>
      <p className="strong">{stockLeftWords(prediction)}</p>
      <p className="muted small">
        {demandWords(prediction)} {prediction.stockText}.
      </p>
      {onOrder.lines.length + onOrder.notCounted.length > 0 && (
        <ul className="bullet-list small" aria-label="On order">
          {onOrder.lines.map((line) => (
            <li key={line.purchaseOrderId}>
              {formatNumber(line.quantity)} on {line.orderNumber}
              {line.expectedAt ? `, due ${formatDate(line.expectedAt)}` : ', no due date'}
            </li>
          ))}
          {onOrder.notCounted.map((line) => (
            <li key={line.purchaseOrderId}>
              {formatNumber(line.quantity)} on {line.orderNumber}, due {formatDate(line.expectedAt)}
              :{' '}
              {line.why === 'overdue'
                ? 'long overdue, not counted (chase or cancel it)'
                : 'after the days an order covers, not counted yet'}
            </li>
          ))}
        </ul>
      )}
      <dl className="details details--compact">
        <div className="details__row">
          <dt>Reorder point</dt>
          <dd>
            {formatNumber(prediction.reorderPoint)}{' '}
            <span className="muted small">(this product's: order when stock falls to it)</span>
          </dd>
        </div>
        {reorder && (
          <div className="details__row">
            <dt>Order now</dt>
            <dd className="strong">
              {reorder.suggestedQuantity > 0
                ? formatNumber(reorder.suggestedQuantity)
                : 'Nothing yet: stock and orders are above the reorder point'}
            </dd>
          </div>
        )}
      </dl>
      {reorder && suggested !== undefined && suggested !== prediction.reorderPoint && (
        <div className="suggestion">
          <p className="small">
            Nimbus suggests a reorder point of {formatNumber(suggested)}: {reorder.why}.
          </p>
          {canEdit && (
            <UseSuggestedReorderPoint
              storeId={storeId}
              productId={prediction.productId}
              value={suggested}
            />
          )}
        </div>
      )}
      {!reorder && <p className="muted">No reorder suggestion: nothing has sold recently.</p>}
      <details className="disclosure">
        <summary>How this was computed</summary>
        <dl className="details details--compact">
          <div className="details__row">
            <dt>Demand</dt>
            <dd>
              {prediction.demandSource === 'forecast'
                ? `The forecast's average over the next ${prediction.demandDays} days`
                : 'The average of the last 30 days (too little history for a forecast)'}
              ; the last 30 days averaged {formatNumber(prediction.avgDailySales)} a day.
            </dd>
          </div>
          {reorder && (
            <>
              <div className="details__row">
                <dt>Safety stock</dt>
                <dd>{formatNumber(Math.ceil(reorder.safetyStock))}</dd>
              </div>
              <div className="details__row">
                <dt>Lead time</dt>
                <dd>
                  {formatNumber(reorder.leadTimeDays)} {reorder.leadTimeDays === 1 ? 'day' : 'days'}
                </dd>
              </div>
              <div className="details__row">
                <dt>Service level</dt>
                <dd>
                  {Math.round(reorder.serviceLevel * 1000) / 10}% of cycles without running out
                </dd>
              </div>
              <div className="details__row">
                <dt>Worked out from</dt>
                <dd>{methodWords(reorder.method)}</dd>
              </div>
            </>
          )}
          <div className="details__row">
            <dt>Calculated</dt>
            <dd>{formatDateTime(prediction.calculatedAt)}</dd>
          </div>
        </dl>
      </details>
    </>
  );
}
