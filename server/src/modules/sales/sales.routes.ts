import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './sales.schemas';
import { wasFoundByReference } from './sale-references';
import type { SalesService } from './sales.service';
import { APPROVAL_HEADER } from './approvals/approvals.service';
import { emailReceiptBody, type ReceiptMailService } from './receipt-mail/receipt-mail';

/** The manager's approval an employee's action carries (approvals/), if any. */
const approvalOf = (req: { get(name: string): string | undefined }) =>
  req.get(APPROVAL_HEADER)?.trim() || undefined;

/** Routes under /api/v1/stores/:storeId. */
export function salesRoutes(
  r: Routes,
  { sales, receiptMail }: { sales: SalesService; receiptMail: ReceiptMailService },
) {
  r.store(
    'post',
    '/sales',
    {
      permission: 'inventory:write',
      body: s.recordSaleBody,
      // A post naming an external reference the store already has answers that sale: 200.
      idempotent: (sale: object) => (wasFoundByReference(sale) ? 200 : 201),
    },
    ({ ctx, body, req }) => sales.record(ctx, body, approvalOf(req)),
  );
  // What a sale would come to (tax, discounts, payments checked), recording nothing.
  r.store(
    'post',
    '/sales/quote',
    { permission: 'inventory:write', body: s.recordSaleBody },
    ({ ctx, body, req }) => sales.quote(ctx, body, approvalOf(req)),
  );
  r.page('/sales', { permission: 'inventory:read', query: s.listSalesQuery }, ({ ctx, query }) =>
    sales.list(ctx, query),
  );
  r.store(
    'get',
    '/sales/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => sales.get(ctx, params.id),
  );
  // Whoever may ring up a sale may e-mail its receipt (a few times per sale: receipt-mail/).
  r.store(
    'post',
    '/sales/:id/receipt/email',
    { permission: 'inventory:write', params: idParams, body: emailReceiptBody },
    ({ ctx, params, body }) => receiptMail.emailReceipt(ctx, params.id, body),
  );
  // Managers and admins void and refund; an employee with a manager's approval (approvals/).
  r.store(
    'post',
    '/sales/:id/void',
    { permission: 'inventory:write', params: idParams, body: s.voidSaleBody, idempotent: 200 },
    ({ ctx, params, body, req }) => sales.voidSale(ctx, params.id, body, approvalOf(req)),
  );
  r.store(
    'post',
    '/sales/:id/refunds',
    { permission: 'inventory:write', params: idParams, body: s.refundSaleBody, idempotent: 201 },
    ({ ctx, params, body, req }) => sales.refund(ctx, params.id, body, approvalOf(req)),
  );
  r.store(
    'get',
    '/cash-up',
    { permission: 'reports:view', query: s.cashUpQuery },
    ({ ctx, query }) => sales.cashUp(ctx, query.date),
  );
  // The drawer's count at the end of the day: those who handle the till's money.
  r.store(
    'post',
    '/cash-up',
    { permission: 'sales:refund', body: s.countCashBody, idempotent: 201 },
    ({ ctx, body }) => sales.countCash(ctx, body),
  );
  r.store(
    'get',
    '/refunds/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => sales.getRefund(ctx, params.id),
  );
}
