import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { ShowAllRows, useFirstRows } from '@/components/first-rows';
import { formatCount, formatNumber } from '@/lib/format';
import { useCan, useMoney } from '@/lib/store-access';
import { useOptimizeReorder } from '../api/optimize-reorder';
import type { ReorderPlan } from '../api/types';
import { PlanActions } from './plan-actions';
import { TableWrap } from '@/components/table-wrap';

const leadTimeSources = {
  supplier_performance: 'measured',
  supplier_terms: "supplier's terms",
  default: 'default',
} as const;

function checkNumber(text: string, min: number, max: number): number | undefined {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** Money as the server takes it: at most 2 decimals. */
const moneyText = /^\d+(\.\d{1,2})?$/;

/** A budget and a service level in; what to order (and what does not fit, and why) out. */
export function ReorderPlanCard({ storeId }: { storeId: string }) {
  const optimize = useOptimizeReorder(storeId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const apiError = optimize.error ? toApiError(optimize.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const budgetText = String(form.get('budget') ?? '').trim();
    const budget = moneyText.test(budgetText)
      ? checkNumber(budgetText, 0.01, 9_999_999_999.99)
      : undefined;
    const percent = checkNumber(String(form.get('serviceLevel') ?? '').trim(), 50, 99.9);
    const found: Record<string, string> = {};
    if (budget === undefined) found.budget = 'Enter an amount above 0, with at most 2 decimals.';
    if (percent === undefined) found.serviceLevel = 'Enter a percentage from 50 to 99.9.';
    setErrors(found);
    if (budget === undefined || percent === undefined) return;
    optimize.mutate({ budget, serviceLevel: percent / 100 });
  }

  return (
    <Card
      title="Reorder within a budget"
      description="Orders the most urgent products first, as far as the money goes."
    >
      <form className="form form--inline" onSubmit={onSubmit} noValidate>
        <TextField
          label="Budget"
          name="budget"
          inputMode="decimal"
          defaultValue="1000"
          error={errors.budget ?? apiError?.fieldErrors.budget}
        />
        <TextField
          label="Service level (%)"
          name="serviceLevel"
          inputMode="decimal"
          defaultValue="95"
          hint="How often stock should last until the delivery arrives."
          error={errors.serviceLevel ?? apiError?.fieldErrors.serviceLevel}
        />
        <div className="form__actions">
          <Button type="submit" busy={optimize.isPending} busyLabel="Planning…">
            Plan orders
          </Button>
        </div>
      </form>
      <ErrorBanner>
        {apiError && !Object.keys(apiError.fieldErrors).length ? apiError.message : undefined}
      </ErrorBanner>
      {optimize.data && <PlanTable storeId={storeId} plan={optimize.data} />}
    </Card>
  );
}

const priorities = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: '—' } as const;
const days = (n: number) => `${formatNumber(n)} ${n === 1 ? 'day' : 'days'}`;

function PlanTable({ storeId, plan }: { storeId: string; plan: ReorderPlan }) {
  const money = useMoney();
  const canOrder = useCan('vendor:manage');
  const rows = useFirstRows(plan.items);
  if (plan.items.length === 0) {
    return (
      <p className="muted">Nothing to order: no product with sales is below its reorder point.</p>
    );
  }
  return (
    <>
      <p role="status">
        {money(plan.spent)} of {money(plan.budget)} spent on{' '}
        {formatCount(plan.items.filter((i) => i.included).length, 'product')}.
      </p>
      <TableWrap label="Reorder plan">
        <table className="table" aria-label="Reorder plan">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Priority</th>
              <th scope="col">Supplier</th>
              <th scope="col" className="num">
                Stock
              </th>
              <th scope="col" className="num">
                Reorder point
              </th>
              <th scope="col" className="num">
                Order
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col">Included</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rows.shown.map((item) => (
              <tr key={item.productId}>
                <td>
                  <Link to={`/stores/${storeId}/products/${item.productId}`}>{item.name}</Link>
                </td>
                <td>{priorities[item.priority]}</td>
                <td>
                  {item.supplierName ?? '—'}
                  <div className="muted small">
                    {days(item.leadTimeDays)} lead time ({leadTimeSources[item.leadTimeSource]})
                  </div>
                </td>
                <td className="num">
                  {formatNumber(item.currentStock)}
                  {item.onOrder > 0 && (
                    <div className="muted small">+{formatNumber(item.onOrder)} on order</div>
                  )}
                </td>
                <td className="num">
                  {formatNumber(item.reorderPoint)}
                  {item.suggestedReorderPoint !== item.reorderPoint && (
                    <details className="disclosure small">
                      <summary>Suggested {formatNumber(item.suggestedReorderPoint)}</summary>
                      {item.suggestedReorderPointWhy}
                    </details>
                  )}
                </td>
                <td className="num strong">{formatNumber(item.recommendedQuantity)}</td>
                <td className="num">{money(item.cost)}</td>
                <td>{item.included ? 'Yes' : 'No'}</td>
                <td className="small">{item.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <ShowAllRows hidden={rows.hidden} total={plan.items.length} onClick={rows.showAll} />
      {canOrder && <PlanActions storeId={storeId} plan={plan} />}
    </>
  );
}
