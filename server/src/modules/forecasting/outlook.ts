/**
 * A prediction as the API answers it: the stored figures (demand, suggested reorder point)
 * with what is true now — the stock on hand, what is on order and when it is due, the
 * product's own reorder point and expiry — so the product page, the product list and reorder
 * lists agree: one reorder point (the product's), days left counting deliveries due before
 * the shelf is empty and never beyond the stock's expiry.
 */
import { arrivalsOf, dueBy, onOrderWords, type OnOrder } from '../purchasing/on-order';
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

/** Why Nimbus suggests this reorder point, in words. */
function suggestionWhy(r: PredictionRow, perDay: number): string {
  const lead = r.lead_time_days!;
  const leadDemand = Math.ceil(perDay * lead);
  const safety = Math.ceil(r.safety_stock!);
  const service = `${round(r.service_level! * 100, 1)}%`;
  const base = `${lead} ${lead === 1 ? 'day' : 'days'} of lead time at about ${rate(perDay)} a day (${leadDemand})`;
  return safety > 0
    ? `${base} plus ${safety} safety stock, so ${service} of order cycles do not run out`
    : `${base}; demand has been steady, so no safety stock is needed for ${service} of order cycles`;
}

export function toPrediction(r: PredictionRow, live: LiveFacts, onOrder: OnOrder, today: string) {
  const perDay = r.demand_per_day ?? r.avg_daily_sales;
  const lead = r.lead_time_days ?? DEFAULT_LEAD_TIME_DAYS;
  // On order counts when it is due within the lead time and the days an order covers.
  const counted = dueBy(onOrder, addDays(today, Math.ceil(lead) + REVIEW_DAYS));
  const expiresInDays = live.expires_at === null ? null : daysBetween(today, live.expires_at);
  const cover = stockCover({
    stock: live.quantity,
    perDay,
    arrivals: arrivalsOf(counted, today),
    expiresInDays,
  });
  const daysLeft = cover.days === null ? null : round(cover.days, 1);
  const position = live.quantity + counted.quantity;
  const onOrderText = onOrderWords(counted, today);
  let suggested = 0;
  if (position <= live.reorder_point) {
    suggested = Math.max(1, Math.ceil(live.reorder_point + perDay * REVIEW_DAYS - position));
    const cap = expiryCap({
      perDay,
      shelfLife: shelfLifeDays(live.expires_at, live.last_stock_in),
      leadDays: lead,
      onOrder: counted,
      today,
    });
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
      lines: counted.lines.map((l) => ({
        purchaseOrderId: l.purchaseOrderId,
        orderNumber: l.orderNumber,
        quantity: l.quantity,
        expectedAt: l.expectedAt,
      })),
    },
    stockText: onOrderText
      ? `${live.quantity} in stock, ${onOrderText}`
      : `${live.quantity} in stock`,
    reorderPoint: live.reorder_point,
    expiresAt: live.expires_at,
    daysLeft,
    daysLeftLimitedBy: cover.limitedBy,
    stockoutDate: daysLeft === null ? null : addDays(today, Math.floor(daysLeft)),
    calculatedAt: r.calculated_at.toISOString(),
    reorder:
      r.reorder_point === null
        ? null
        : {
            reorderPoint: r.reorder_point,
            why: suggestionWhy(r, perDay),
            safetyStock: r.safety_stock!,
            suggestedQuantity: suggested,
            leadTimeDays: r.lead_time_days!,
            serviceLevel: r.service_level!,
            method: r.reorder_method!,
          },
  };
}

export type Prediction = ReturnType<typeof toPrediction>;
