import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './shopping-lists.schemas';
import type { ShoppingListsService } from './shopping-lists.service';

/**
 * Routes under /api/v1/stores/:storeId. Managers decide what is ordered (`vendor:manage`);
 * the staff doing the shopping edit items (`inventory:write`).
 */
export function shoppingListsRoutes(
  r: Routes,
  { shoppingLists: lists }: { shoppingLists: ShoppingListsService },
) {
  const money = LIST_MONEY;
  r.store(
    'post',
    '/shopping-lists/generate',
    { permission: 'vendor:manage', heavy: true, body: s.generateBody, idempotent: 201, money },
    ({ ctx, body }) => lists.generate(ctx, body),
  );
  r.store(
    'post',
    '/shopping-lists/from-plan',
    { permission: 'vendor:manage', body: s.fromPlanBody, idempotent: 201, money },
    ({ ctx, body }) => lists.fromPlan(ctx, body),
  );
  r.page(
    '/shopping-lists',
    { permission: 'inventory:read', query: s.listQuery, money: SUMMARY_MONEY },
    ({ ctx, query }) => lists.list(ctx, query),
  );
  r.store(
    'get',
    '/shopping-lists/:id',
    { permission: 'inventory:read', params: idParams, money },
    ({ ctx, params }) => lists.get(ctx, params.id),
  );
  r.store(
    'patch',
    '/shopping-lists/:id',
    { permission: 'vendor:manage', params: idParams, body: s.renameBody, money },
    ({ ctx, params, body }) => lists.rename(ctx, params.id, body.name),
  );
  r.store(
    'delete',
    '/shopping-lists/:id',
    { permission: 'vendor:manage', params: idParams, status: 204 },
    ({ ctx, params }) => lists.remove(ctx, params.id),
  );
  r.store(
    'put',
    '/shopping-lists/:id/items/:itemId',
    { permission: 'inventory:write', params: s.itemParams, body: s.itemBody, money },
    ({ ctx, params, body }) => lists.updateItem(ctx, params.id, params.itemId, body),
  );
  r.store(
    'delete',
    '/shopping-lists/:id/items/:itemId',
    { permission: 'vendor:manage', params: s.itemParams, status: 204 },
    ({ ctx, params }) => lists.removeItem(ctx, params.id, params.itemId),
  );
  r.store(
    'post',
    '/shopping-lists/:id/optimize',
    { permission: 'vendor:manage', params: idParams, body: s.optimizeBody, money },
    ({ ctx, params, body }) => lists.optimize(ctx, params.id, body.criteria),
  );
  r.store(
    'post',
    '/shopping-lists/:id/purchase-orders',
    {
      permission: 'vendor:manage',
      params: idParams,
      idempotent: 201,
      money: ['purchaseOrders.*.total', ...LIST_MONEY.map((f) => `shoppingList.${f}`)],
    },
    ({ ctx, params }) => lists.convert(ctx, params.id),
  );
}

/** A list's money (core/money.ts): estimated and actual costs and totals. */
const SUMMARY_MONEY = ['estimatedTotal', 'actualTotal'];
const LIST_MONEY = [
  ...SUMMARY_MONEY,
  'items.*.estimatedUnitCost',
  'items.*.estimatedCost',
  'items.*.actualCost',
  'items.*.passedOver.unitCost',
  'suppliers.*.estimatedTotal',
  'purchaseOrders.*.total',
];
