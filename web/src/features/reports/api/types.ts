import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type ConsumptionParams = Omit<QueryParams<'getConsumptionReport'>, 'format'>;
export type ConsumptionReport = Schemas['ConsumptionReport'];
export type ConsumptionGroupBy = ConsumptionReport['groupBy'];
export type WasteParams = Omit<QueryParams<'getWasteReport'>, 'format'>;
export type WasteReport = Schemas['WasteReport'];
export type WasteGroupBy = WasteReport['groupBy'];
export type VendorPerformanceParams = Omit<QueryParams<'getVendorPerformanceReport'>, 'format'>;
export type VendorPerformanceReport = Schemas['VendorPerformanceReport'];
export type ValuationParams = Omit<QueryParams<'getValuationReport'>, 'format'>;
export type ValuationReport = Schemas['ValuationReport'];
export type ValuationGroupBy = ValuationReport['groupBy'];
export type ReportPeriod = Schemas['ReportPeriod'];

export type CustomReportSchema = ResponseData<'getCustomReportSchema'>;
export type CustomDataset = CustomReportSchema['datasets'][number];
export type CustomField = CustomDataset['fields'][number];
export type CustomFieldType = Schemas['CustomFieldType'];
type CustomBody = RequestBody<'runCustomReport'>;
export type CustomReportRequest = Omit<CustomBody, 'format'>;
export type CustomFilter = NonNullable<CustomBody['filters']>[number];
export type CustomAggregate = NonNullable<CustomBody['aggregates']>[number];
export type CustomReportResult = Schemas['CustomReportResult'];
