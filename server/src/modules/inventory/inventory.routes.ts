import type { Routes } from '../../http/route';
import { idParams } from '../../http/validate';
import * as s from './inventory.schemas';
import type { InventoryService } from './inventory.service';

/** Routes under /api/v1/stores/:storeId: a product's stock changes and its ledger. */
export function inventoryRoutes(r: Routes, { inventory }: { inventory: InventoryService }) {
  // The answer carries the product and the movement, whose costs are money (core/money.ts).
  const change = {
    permission: 'inventory:write',
    params: idParams,
    idempotent: 201,
    money: ['product.cost', 'movement.unitCost'],
  } as const;

  r.store(
    'post',
    '/products/:id/adjustments',
    { ...change, body: s.adjustmentBody },
    ({ ctx, params, body }) => inventory.adjust(ctx, params.id, body),
  );
  r.store(
    'post',
    '/products/:id/counts',
    { ...change, body: s.countBody },
    ({ ctx, params, body }) => inventory.count(ctx, params.id, body),
  );
  r.store(
    'post',
    '/products/:id/movements/:movementId/reversal',
    { ...change, params: s.movementParams, body: s.reversalBody },
    ({ ctx, params, body }) => inventory.reverse(ctx, params.id, params.movementId, body),
  );
  r.page(
    '/products/:id/movements',
    {
      permission: 'inventory:read',
      params: idParams,
      query: s.movementsQuery,
      money: ['unitCost'],
    },
    ({ ctx, params, query }) => inventory.movements(ctx, params.id, query),
  );
}
