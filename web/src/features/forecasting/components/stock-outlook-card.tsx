import { Card } from '@/components/card';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatDateTime, formatNumber } from '@/lib/format';
import { usePrediction } from '../api/get-prediction';
import type { Prediction } from '../api/types';
import { stockLeftWords } from './forecast-words';

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

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

/** Days of stock left at the recent rate of sales, and when and how much to reorder. */
export function StockOutlookCard({ storeId, productId }: { storeId: string; productId: string }) {
  const prediction = usePrediction(storeId, productId);
  return (
    <Card title="Stock outlook" description="From the last 30 days of sales.">
      {prediction.isPending && <Loading label="Working out days left…" />}
      {prediction.isError && <ErrorBanner>{toApiError(prediction.error).message}</ErrorBanner>}
      {prediction.data && <Outlook prediction={prediction.data} />}
    </Card>
  );
}

function Outlook({ prediction }: { prediction: Prediction }) {
  const { reorder } = prediction;
  return (
    <>
      <p className="strong">{stockLeftWords(prediction)}</p>
      <p className="muted small">
        Selling about {oneDecimal(prediction.avgDailySales)} a day,{' '}
        {formatNumber(prediction.currentStock)} on hand. Calculated{' '}
        {formatDateTime(prediction.calculatedAt)}.
      </p>
      {reorder ? (
        <>
          <h3 className="forecast-subtitle">Reorder suggestion</h3>
          <dl className="details details--compact">
            <div className="details__row">
              <dt>Suggested order</dt>
              <dd className="strong">
                {reorder.suggestedQuantity > 0
                  ? formatNumber(reorder.suggestedQuantity)
                  : 'Nothing yet: stock is above the reorder point'}
              </dd>
            </div>
            <div className="details__row">
              <dt>Reorder point</dt>
              <dd>
                {formatNumber(Math.ceil(reorder.reorderPoint))}{' '}
                <span className="muted small">(order when stock falls to this)</span>
              </dd>
            </div>
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
              <dd>{Math.round(reorder.serviceLevel * 1000) / 10}% of cycles without running out</dd>
            </div>
            <div className="details__row">
              <dt>Worked out from</dt>
              <dd>{methodWords(reorder.method)}</dd>
            </div>
          </dl>
        </>
      ) : (
        <p className="muted">No reorder suggestion: nothing has sold recently.</p>
      )}
    </>
  );
}
