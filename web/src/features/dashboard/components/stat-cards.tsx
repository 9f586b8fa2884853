import { Link } from 'react-router-dom';
import { formatCount, formatNumber } from '@/lib/format';
import { useMoney, useSeesMoney } from '@/lib/store-access';
import type { Dashboard } from '../api/types';

interface Stat {
  label: string;
  value: string;
  detail?: string;
  to: string;
  tone?: 'warning' | 'danger';
}

export function StatCards({ storeId, dashboard }: { storeId: string; dashboard: Dashboard }) {
  const money = useMoney();
  const { totals, salesTrend } = dashboard;
  const products = `/stores/${storeId}/products`;
  const sold = salesTrend.reduce(
    (sum, d) => ({
      orders: sum.orders + d.orders,
      units: sum.units + d.units,
      revenue: sum.revenue + (d.revenue ?? 0),
    }),
    { orders: 0, units: 0, revenue: 0 },
  );
  // Money is for roles with reports:view (core/money.ts): for an employee those cards are left out.
  const showMoney = useSeesMoney();
  const stats: Stat[] = [
    {
      label: 'Products',
      value: formatNumber(totals.products),
      detail: `${formatNumber(totals.activeProducts)} active`,
      to: products,
    },
    {
      label: 'Units on hand',
      value: formatNumber(totals.units),
      to: `${products}?sort=quantity&order=desc`,
    },
    ...(showMoney
      ? [
          {
            label: 'Inventory value at cost',
            value: money(totals.inventoryValueCost),
            to: `${products}?sort=cost&order=desc`,
          },
          {
            label: 'Inventory value at retail',
            value: money(totals.inventoryValueRetail),
            to: `${products}?sort=price&order=desc`,
          },
        ]
      : []),
    {
      label: 'Low stock',
      value: formatNumber(dashboard.lowStockCount),
      detail: 'At or below reorder point',
      to: `${products}?status=low_stock`,
      tone: dashboard.lowStockCount ? 'warning' : undefined,
    },
    {
      label: 'Out of stock',
      value: formatNumber(dashboard.outOfStockCount),
      to: `${products}?status=out_of_stock`,
      tone: dashboard.outOfStockCount ? 'danger' : undefined,
    },
    {
      label: 'Expiring within 30 days',
      value: formatNumber(dashboard.expiringSoonCount),
      to: `${products}?expiringWithinDays=30&sort=expiresAt`,
      tone: dashboard.expiringSoonCount ? 'warning' : undefined,
    },
    showMoney
      ? {
          label: 'Revenue, last 30 days',
          value: money(sold.revenue),
          detail: `${formatCount(sold.units, 'unit')} sold in ${formatCount(sold.orders, 'sale')}`,
          to: `/stores/${storeId}/sales`,
        }
      : {
          label: 'Units sold, last 30 days',
          value: formatNumber(sold.units),
          detail: `in ${formatCount(sold.orders, 'sale')}`,
          to: `/stores/${storeId}/sales`,
        },
  ];

  return (
    <ul className="stats" aria-label="Key figures">
      {stats.map((stat) => (
        <li key={stat.label}>
          <Link to={stat.to} className={stat.tone ? `stat stat--${stat.tone}` : 'stat'}>
            <span className="stat__label">{stat.label}</span>
            <span className="stat__value">{stat.value}</span>
            {stat.detail && <span className="stat__detail">{stat.detail}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
