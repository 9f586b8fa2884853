import type { RequestHandler } from 'express';
import { ValidationError } from '../../core/errors';
import type { Routes } from '../../http/route';
import { fileUpload } from '../../http/upload';
import { idParams } from '../../http/validate';
import { MAX_INVOICE_BYTES } from './invoice-read';
import * as s from './invoices.schemas';
import type { InvoicesService } from './invoices.service';
import { sendStream } from '../../http/send-stream';

// Past the limit nothing more is kept and the answer is a 413 at once: a 20 MB upload never
// holds more than 10 MB.
const upload = fileUpload({ maxBytes: MAX_INVOICE_BYTES, maxFields: 5 });

/** Routes under /api/v1/stores/:storeId. Invoices carry money: every one needs invoice:process. */
export function invoicesRoutes(
  r: Routes,
  { invoices, heavy }: { invoices: InvoicesService; heavy: RequestHandler },
) {
  const permission = 'invoice:process' as const;
  r.store(
    'post',
    '/invoices',
    {
      permission,
      before: [heavy, upload],
      body: s.uploadInvoiceFields,
      status: 201,
    },
    async ({ ctx, body, req }) => {
      if (!req.file) {
        throw new ValidationError([
          {
            field: 'file',
            message: 'attach the invoice (CSV, XLSX or PDF) as "file"',
            code: 'required',
          },
        ]);
      }
      return invoices.upload(ctx, req.file, body);
    },
  );
  r.page('/invoices', { permission, query: s.listInvoicesQuery }, ({ ctx, query }) =>
    invoices.list(ctx, query),
  );
  r.store('get', '/invoices/:id', { permission, params: idParams }, ({ ctx, params }) =>
    invoices.get(ctx, params.id),
  );
  r.raw(
    'get',
    '/invoices/:id/file',
    { permission, params: idParams },
    async ({ ctx, params }, res) => {
      const file = await invoices.original(ctx, params.id);
      res.attachment(file.name); // Content-Disposition, the name encoded as RFC 6266 says
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(file.size));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      await sendStream(file.body, res);
    },
  );
  r.store(
    'patch',
    '/invoices/:id',
    { permission, params: idParams, body: s.updateInvoiceBody },
    ({ ctx, params, body }) => invoices.update(ctx, params.id, body),
  );
  r.store(
    'put',
    '/invoices/:id/status',
    { permission, params: idParams, body: s.invoiceStatusBody },
    ({ ctx, params, body }) => invoices.setStatus(ctx, params.id, body),
  );
  r.store(
    'patch',
    '/invoices/:id/lines/:lineId',
    { permission, params: s.lineParams, body: s.updateLineBody },
    ({ ctx, params, body }) => invoices.updateLine(ctx, params.id, params.lineId, body),
  );
  r.store(
    'post',
    '/invoices/:id/reconcile/preview',
    { permission, params: idParams, body: s.reconcilePreviewBody },
    ({ ctx, params, body }) => invoices.preview(ctx, params.id, body),
  );
  r.store(
    'post',
    '/invoices/:id/reconcile',
    { permission, params: idParams, body: s.reconcileBody, idempotent: 200 },
    ({ ctx, params, body }) => invoices.reconcile(ctx, params.id, body),
  );
}
