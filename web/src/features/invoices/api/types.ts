import type { QueryParams, RequestBody, ResponseData, Schemas } from '@/lib/api/types';

export type Invoice = Schemas['Invoice'];
export type InvoiceDetail = Schemas['InvoiceDetail'];
export type InvoicePreview = Schemas['InvoicePreview'];
export type InvoiceLine = Schemas['InvoiceLine'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
export type ThreeWay = Schemas['InvoiceThreeWay'];
export type LineAction = Schemas['InvoiceLineAction'];
export type Variance = Schemas['InvoiceVariance'];
export type OrderOption = ThreeWay['orders'][number];
export type InvoiceUpload = ResponseData<'uploadInvoice'>;
export type InvoiceListParams = QueryParams<'listInvoices'>;
export type ReconcileInput = RequestBody<'reconcileInvoice'>;
export type LineDecision = ReconcileInput['lines'][number];
export type StatusInput = RequestBody<'setInvoiceStatus'>;

/** How people see an invoice: its number, or its file when it has none. */
export function invoiceLabel(invoice: Pick<Invoice, 'invoiceNumber' | 'fileName'>): string {
  return invoice.invoiceNumber ? `Invoice ${invoice.invoiceNumber}` : invoice.fileName;
}
