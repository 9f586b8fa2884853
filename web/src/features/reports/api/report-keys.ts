export type ReportName = 'consumption' | 'waste' | 'vendor-performance' | 'valuation';
/** A report's query parameters (without `format`), as its route takes them. */
export type ReportParams = Partial<Record<'from' | 'to' | 'groupBy', string>>;

export const reportKeys = {
  all: (storeId: string) => ['stores', storeId, 'reports'] as const,
  report: (storeId: string, report: ReportName, params: ReportParams) =>
    [...reportKeys.all(storeId), report, params] as const,
  customSchema: (storeId: string) => [...reportKeys.all(storeId), 'custom-schema'] as const,
};
