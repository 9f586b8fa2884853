export interface DashboardTotals {
  products: number;
  activeProducts: number;
  units: number;
  inventoryValueCost: number;
  inventoryValueRetail: number;
}

export interface CategorySlice {
  categoryId: string | null;
  name: string;
  products: number;
  units: number;
  valueCost: number;
  valueRetail: number;
}

export interface TopMover {
  productId: string;
  name: string;
  sku: string;
  unitsSold: number;
  revenue: number;
}

export interface SlowMover {
  productId: string;
  name: string;
  sku: string;
  quantity: number;
  daysSinceLastSale: number | null;
}

export interface TrendDay {
  /** `YYYY-MM-DD` in the store's timezone. */
  date: string;
  orders: number;
  units: number;
  revenue: number;
}

export interface Dashboard {
  totals: DashboardTotals;
  lowStockCount: number;
  outOfStockCount: number;
  /** Products expiring within 30 days (or already expired). */
  expiringSoonCount: number;
  categoryBreakdown: CategorySlice[];
  /** The last 30 days. */
  topMovers: TopMover[];
  slowMovers: SlowMover[];
  /** The last 30 days, one entry per day. */
  salesTrend: TrendDay[];
  generatedAt: string;
}
