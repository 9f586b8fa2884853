import type { Routes } from '../../../http/route';
import { idParams } from '../../../http/validate';
import * as s from './checkout.schemas';
import type { CheckoutService } from './checkout.service';

/** Routes under /api/v1/stores/:storeId: the till's settings and the store's tax rates. */
export function checkoutRoutes(r: Routes, { checkout }: { checkout: CheckoutService }) {
  r.store('get', '/checkout-settings', { permission: 'inventory:read' }, ({ ctx }) =>
    checkout.settings(ctx),
  );
  r.store(
    'patch',
    '/checkout-settings',
    { permission: 'settings:manage', body: s.updateCheckoutSettingsBody },
    ({ ctx, body }) => checkout.updateSettings(ctx, body),
  );
  r.store('get', '/tax-rates', { permission: 'inventory:read' }, ({ ctx }) =>
    checkout.listRates(ctx),
  );
  r.store(
    'post',
    '/tax-rates',
    { permission: 'settings:manage', body: s.createTaxRateBody, status: 201 },
    ({ ctx, body }) => checkout.createRate(ctx, body),
  );
  r.store(
    'get',
    '/tax-rates/:id',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => checkout.getRate(ctx, params.id),
  );
  r.store(
    'patch',
    '/tax-rates/:id',
    { permission: 'settings:manage', params: idParams, body: s.updateTaxRateBody },
    ({ ctx, params, body }) => checkout.updateRate(ctx, params.id, body),
  );
  // A product's own rate: managers and admins (it changes what the till charges).
  r.store(
    'get',
    '/products/:id/tax-rate',
    { permission: 'inventory:read', params: idParams },
    ({ ctx, params }) => checkout.productTaxRate(ctx, params.id),
  );
  r.store(
    'put',
    '/products/:id/tax-rate',
    { permission: 'sales:refund', params: idParams, body: s.productTaxRateBody },
    ({ ctx, params, body }) => checkout.setProductTaxRate(ctx, params.id, body.taxRateId),
  );
  r.store(
    'delete',
    '/tax-rates/:id',
    { permission: 'settings:manage', params: idParams, status: 204 },
    ({ ctx, params }) => checkout.removeRate(ctx, params.id),
  );
}
