import type { Routes } from '../../http/route';
import { idParams, paginationQuery } from '../../http/validate';
import type { ProductsService } from './products.service';
import type { ProductSearch } from './product-search';
import * as s from './products.schemas';

const STOCK_HINT = 'changes only through adjustments, counts, sales and imports';
/** A product's money (core/money.ts): its cost. */
export const PRODUCT_MONEY = ['cost'];
/** A history row is money when it records a change of the cost. */
const historyMoney = (row: { field: string }) =>
  row.field === 'cost' ? { ...row, oldValue: null, newValue: null } : row;
/** Response fields a client may send back unchanged in a PATCH or PUT. */
const PRODUCT_READ_ONLY = {
  quantity: `is read-only: stock ${STOCK_HINT}`,
  initialQuantity: `is only for new products: stock then ${STOCK_HINT}`,
};

/** Routes under /api/v1/stores/:storeId (after the import routes: /products/import is theirs). */
export function productsRoutes(
  r: Routes,
  { products, productSearch }: { products: ProductsService; productSearch: ProductSearch },
) {
  // Before /products/:id, which would take "lookup", "search" or "top-sellers" for an id.
  r.store(
    'get',
    '/products/search',
    { permission: 'inventory:read', query: s.searchProductsQuery },
    ({ ctx, query }) => productSearch.search(ctx, query.q, query.limit),
  );
  r.store(
    'get',
    '/products/top-sellers',
    { permission: 'inventory:read', query: s.topSellersQuery },
    ({ ctx, query }) => productSearch.topSellers(ctx, query.limit),
  );
  r.store(
    'get',
    '/products/lookup',
    { permission: 'inventory:read', query: s.lookupQuery, money: PRODUCT_MONEY },
    ({ ctx, query }) => products.lookup(ctx, query.barcode),
  );
  r.resource('/products', products, {
    read: 'inventory:read',
    write: 'inventory:write',
    remove: 'inventory:delete',
    list: s.listProductsQuery,
    create: s.createProductBody,
    update: s.updateProductBody,
    money: PRODUCT_MONEY,
    readOnly: {
      create: { quantity: 'is read-only: send initialQuantity to start with stock' },
      update: PRODUCT_READ_ONLY,
    },
  });
  r.store(
    'put',
    '/products/:id',
    {
      permission: 'inventory:write',
      params: idParams,
      body: s.replaceProductBody,
      readOnly: PRODUCT_READ_ONLY,
      money: PRODUCT_MONEY,
    },
    ({ ctx, params, body }) => products.replace(ctx, params.id, body),
  );
  r.page(
    '/products/:id/history',
    { permission: 'inventory:read', params: idParams, query: paginationQuery, money: historyMoney },
    ({ ctx, params, query }) => products.history(ctx, params.id, query),
  );
  r.page(
    '/categories/:id/products',
    {
      permission: 'inventory:read',
      params: idParams,
      query: s.categoryProductsQuery,
      money: PRODUCT_MONEY,
    },
    ({ ctx, params, query }) => products.ofCategory(ctx, params.id, query),
  );
  r.page(
    '/suppliers/:id/products',
    {
      permission: 'inventory:read',
      params: idParams,
      query: s.supplierProductsQuery,
      money: [...PRODUCT_MONEY, 'lastCost'],
    },
    ({ ctx, params, query }) => products.ofSupplier(ctx, params.id, query),
  );
}
