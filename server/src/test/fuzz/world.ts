import type { TestApp } from '../app';
import { csvOf, uploadInvoice } from '../invoices';
import {
  createCategory,
  createProduct,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../factories';
import { orderingStore, placeOrder } from '../purchasing';
import { generate, sell } from '../shopping-lists';
import { postAdjustment } from '../requests';

/*
 * A store with one of everything, made through the API, so that generated requests can name
 * ids that exist (and reach the code behind the 404) as well as ids that do not.
 */
export type Kind =
  | 'store'
  | 'product'
  | 'category'
  | 'supplier'
  | 'purchaseOrder'
  | 'sale'
  | 'refund'
  | 'invoice'
  | 'invoiceLine'
  | 'shoppingList'
  | 'shoppingListItem'
  | 'job'
  | 'reportJob'
  | 'member'
  | 'invitation'
  | 'movement'
  | 'countSession';

export interface World {
  admin: StoreMember;
  ids: Record<Kind, string>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await storeWithMember(t, 'admin');
  const post = (path: string, body: object) =>
    admin.api.post(`${admin.url}${path}`).set(admin.auth).send(body);
  const stock = await orderingStore(admin);
  const { supplier, tea } = stock;
  const category = await createCategory(admin);
  const product = await createProduct(admin, { categoryId: category.id, initialQuantity: 50 });
  const order = await placeOrder(admin, stock);
  const sale = await sell(admin, product.id, 2);
  const refund = (
    await post(`/sales/${sale.id}/refunds`, { items: [{ productId: product.id, quantity: 1 }] })
  ).body.data;
  const movement = (await postAdjustment(admin, product.id, { delta: 3, reason: 'adjustment' }))
    .body.data;
  const invoice = (
    await uploadInvoice(
      admin,
      csvOf([
        ['Description', 'Qty', 'Unit Cost', 'SKU'],
        ['Green tea', 4, 1.5, tea.sku],
      ]),
      'invoice.csv',
    )
  ).body.data;
  const list = (await generate(admin, { name: 'Fuzz list', criteria: { lowStockThreshold: 100 } }))
    .body.data;
  const job = (await post('/reports/jobs', { report: 'valuation', params: {} })).body.data;
  const count = (await post('/count-sessions', { scope: 'store' })).body.data;
  const member = await memberOf(t, admin.storeId, 'employee');
  await post('/members', { email: 'invited.fuzz@example.test', role: 'viewer' });
  const invitation = (await admin.api.get(`${admin.url}/invitations`).set(admin.auth)).body.data[0];
  return {
    admin,
    ids: {
      store: admin.storeId,
      product: product.id,
      category: category.id,
      supplier: supplier.id,
      purchaseOrder: order.id,
      sale: sale.id,
      refund: refund?.id,
      invoice: invoice.invoiceId,
      invoiceLine: invoice.matchingResults?.lines?.[0]?.id,
      shoppingList: list?.id,
      shoppingListItem: list?.items?.[0]?.id,
      job: job.jobId,
      reportJob: job.jobId,
      member: member.user.id,
      invitation: invitation?.id,
      movement: movement?.movement?.id ?? movement?.id,
      countSession: count?.id,
    },
  };
}
