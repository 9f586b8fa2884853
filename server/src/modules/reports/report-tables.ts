import type { ConsumptionReport } from './consumption';
import type { CustomResult } from './custom/custom';
import { tableOf, type Table } from './csv';
import type { ValuationReport } from './valuation';
import type { VendorPerformanceReport } from './vendor-performance';
import type { WasteReport } from './waste';

export const REPORTS = [
  'consumption',
  'waste',
  'vendor-performance',
  'valuation',
  'custom',
] as const;
export type ReportName = (typeof REPORTS)[number];

export type ReportData =
  ConsumptionReport | WasteReport | VendorPerformanceReport | ValuationReport | CustomResult;

const COLUMNS = {
  consumption: [
    'groupId',
    'name',
    'sku',
    'units',
    'cost',
    'revenue',
    'previousUnits',
    'trend',
    'forecastUnits',
    'forecastStatus',
    'forecastMethod',
    'stockDays',
    'averageVelocity',
  ],
  waste: ['groupId', 'name', 'units', 'costValue', 'shareOfConsumption', 'shareOfWaste'],
  'vendor-performance': [
    'rank',
    'supplierId',
    'name',
    'score',
    'onTimeDeliveryRate',
    'fillRate',
    'averageLeadTimeDays',
    'priceChange',
    'spend',
    'orders',
    'cancelledOrders',
  ],
  valuation: [
    'groupId',
    'name',
    'sku',
    'units',
    'costValue',
    'retailValue',
    'potentialMargin',
    'shareOfTotal',
  ],
} as const;

/** A report's rows as the table its CSV holds. */
export function tableOfReport(report: ReportName, data: ReportData): Table {
  const rows = data.rows as ReadonlyArray<Record<string, unknown>>;
  if (report === 'custom') {
    return tableOf(
      (data as CustomResult).columns.map((c) => c.name),
      rows,
    );
  }
  return tableOf([...COLUMNS[report]], rows);
}

/** `<report>-<from>-<to>.csv`; reports of the stock now (and custom ones) are dated today. */
export function filenameOf(report: ReportName, data: ReportData, today: string) {
  if ('period' in data) return `${report}-${data.period.from}-${data.period.to}.csv`;
  if (report === 'custom') return `custom-${(data as CustomResult).dataset}-${today}-${today}.csv`;
  return `${report}-${today}-${today}.csv`;
}
