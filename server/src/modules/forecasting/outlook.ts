/**
 * A prediction as the API answers it: the stored figures (demand, suggested reorder point)
 * with what is true now — the stock on hand, what is on order and when it is due, the
 * product's own reorder point and expiry — so the product page, the product list and reorder
 * lists agree: one reorder point (the product's), days left counting deliveries due before
 * the shelf is empty (stock-cover.ts: the stock on hand's expiry ends only what is on hand;
 * a delivery keeps its own days), and what is on order counted as the lists count it
 * (on-order-count.ts), with what is not counted said in `stockText` and `onOrder.notCounted`.
 */
import { arrivalsOf, type OnOrder, type OnOrderLine } from '../purchasing/on-order';
import { countOnOrder, onOrderCountWords, stillComing } from './on-order-count';
import { DEFAULT_LEAD_TIME_DAYS, DEMAND_DAYS, REVIEW_DAYS, round } from './prediction';
import type { PredictionRow } from './predictions.repo';
import { addDays, daysBetween } from './series';
import { expiryCap, shelfLifeDays, stockCover } from './stock-cover';

export interface LiveFacts {
  quantity: number;
  /** The product's own reorder point (its setting). */
  reorder_point: number;
  /** `YYYY-MM-DD` or null */
  expires_at: string | null;
  /** The store day stock last came in: with the expiry, how long a delivery keeps. */
  last_stock_in?: string;
}

const rate = (n: number) => (n >= 10 ? String(Math.round(n)) : String(round(n, 1)));

/**
 * Why Nimbus suggests a reorder point, in words: the product page's and the reorder plan's
 * (`lead` in whole days, prediction.ts `leadTimeOf`).
 */
export function suggestionWhy(
  r: { lead_time_days: number; safety_stock: number; service_level: number },
  perDay: number,
): string {
  const lead = r.lead_time_days;
  const leadDemand = Math.ceil(perDay * lead);
  const safety = Math.ceil(r.safety_stock);
  const service = `${round(r.service_level * 100, 1)}%`;
  const base = `${lead} ${lead === 1 ? 'day' : 'days'} of lead time at about ${rate(perDay)} a day (${leadDemand})`;
  return safety > 0
    ? `${base} plus ${safety} safety stock, so ${service} of order cycles do not run out`
    : `${base}; demand has been steady, so no safety stock is needed for ${service} of order cycles`;
}

const lineView = (l: OnOrderLine) => ({
  purchaseOrderId: l.purchaseOrderId,
  orderNumber: l.orderNumber,
  quantity: l.quantity,
  expectedAt: l.expectedAt,
});

export function toPrediction(r: PredictionRow, live: LiveFacts, onOrder: OnOrder, today: string) {
  const perDay = r.demand_per_day ?? r.avg_daily_sales;
  const lead = r.lead_time_days ?? DEFAULT_LEAD_TIME_DAYS;
  // On order counts when it is due within the lead time and the days an order covers, and is
  // not long overdue (on-order-count.ts).
  const count = countOnOrder(onOrder, today, addDays(today, Math.ceil(lead) + REVIEW_DAYS));
  const { counted } = count;
  const expiresInDays = live.expires_at === null ? null : daysBetween(today, live.expires_at);
  const shelfLife = shelfLifeDays(live.expires_at, live.last_stock_in);
  // The days the shelf holds: every delivery still coming that arrives before it is empty.
  const cover = stockCover({
    stock: live.quantity,
    perDay,
    arrivals: arrivalsOf(stillComing(onOrder, today), today),
    expiresInDays,
    deliveryKeepsDays: shelfLife,
  });
  const daysLeft = cover.days === null ? null : round(cover.days, 1);
  const position = live.quantity + counted.quantity;
  const onOrderText = onOrderCountWords(count, today);
  let suggested = 0;
  if (position <= live.reorder_point) {
    suggested = Math.max(1, Math.ceil(live.reorder_point + perDay * REVIEW_DAYS - position));
    const cap = expiryCap({ perDay, shelfLife, leadDays: lead, onOrder: counted, today });
    suggested = Math.min(suggested, cap?.units ?? Infinity);
  }
  return {
    productId: r.product_id,
    avgDailySales: round(r.avg_daily_sales, 2),
    demandPerDay: round(perDay, 2),
    demandSource: r.demand_source ?? 'average_30d',
    demandDays: DEMAND_DAYS,
    currentStock: live.quantity,
    onOrder: {
      quantity: counted.quantity,
      lines: counted.lines.map(lineView),
      notCounted: [
        ...count.overdue.lines.map((l) => ({ ...lineView(l), why: 'overdue' as const })),
        ...count.later.lines.map((l) => ({ ...lineView(l), why: 'after_horizon' as const })),
      ],
    },
    stockText: onOrderText
      ? `${live.quantity} in stock, ${onOrderText}`
      : `${live.quantity} in stock`,
    reorderPoint: live.reorder_point,
    expiresAt: live.expires_at,
    daysLeft,
    daysLeftLimitedBy: cover.limitedBy,
    expiringStock: cover.expiringStock,
    onHandExpiresUnsold: cover.onHandExpiresUnsold,
    stockoutDate: daysLeft === null ? null : addDays(today, Math.floor(daysLeft)),
    calculatedAt: r.calculated_at.toISOString(),
    reorder:
      r.reorder_point === null
        ? null
        : {
            reorderPoint: r.reorder_point,
            why: suggestionWhy(
              {
                lead_time_days: r.lead_time_days!,
                safety_stock: r.safety_stock!,
                service_level: r.service_level!,
              },
              perDay,
            ),
            safetyStock: r.safety_stock!,
            suggestedQuantity: suggested,
            leadTimeDays: r.lead_time_days!,
            serviceLevel: r.service_level!,
            method: r.reorder_method!,
          },
  };
}

export type Prediction = ReturnType<typeof toPrediction>;
