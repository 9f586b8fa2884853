import type { StoreContext } from '../../core/context';
import type { FilesService } from '../files/files.service';

/** The stored original's type, from what the reader found in its bytes. */
const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export type InvoiceFiles = Pick<FilesService, 'storeOriginal' | 'recordInTx' | 'discard' | 'open'>;

/** An invoice keeps the file it was read from, downloadable from the invoice. */
export function invoiceOriginals(files: InvoiceFiles) {
  return {
    /** Stores the bytes; the row follows in the invoice's transaction (`files.recordInTx`). */
    store: (ctx: StoreContext, file: Parameters<InvoiceFiles['storeOriginal']>[1], type: string) =>
      files.storeOriginal(ctx, file, CONTENT_TYPES[type] ?? 'application/octet-stream'),
    open: (ctx: StoreContext, invoiceId: string) =>
      files.open(ctx, 'invoice', invoiceId, 'The original file of this invoice'),
  };
}
