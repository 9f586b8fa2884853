// Every screen of the SPA, checked by axe in the light and the dark colour scheme at desktop and
// at phone size (issue 22: "axe 0 serious or critical on every screen in both schemes and at phone
// size"). An owner of a store filled by the demo generator (a small one: forty products, seven
// weeks) walks the router's screens and the dialogs that are views of their own; the other
// journeys check what they show in the light scheme only (support/axe.cjs), this one covers both.
// One page, client-side navigation, the scheme switched by media emulation: no reloads.
const crypto = require('node:crypto');
const path = require('node:path');
const { Pool } = require('pg');
const { BOTH_SCHEMES, expectAccessible } = require('./support/axe.cjs');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { signIn, useJourney } = require('./support/journey.cjs');
const { repoRoot } = require('./support/server.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Rui Costa', email: `rui.${run}@example.com`, password: 'Basil-Jar-6621' };
const storeName = 'Costa Corner Shop';

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const SCAN_LABEL = 'Scan or search products';

describeWithBrowser('Nimbus web: axe on every screen, both schemes, desktop and phone', () => {
  const { ctx, step } = useJourney({ viewport: DESKTOP });
  const ids = {};
  /** Every screen's serious or critical violations, reported together at the end. */
  const problems = [];
  let checks = 0;
  let axeMs = 0;
  let page;

  /** Fills the owner's store with the demo generator's catalogue and history (set-based SQL). */
  async function generateStore(storeId, userId) {
    const { generateDemoStore } = require(path.join(repoRoot, 'server/dist/seed/generate.js'));
    const shared = JSON.parse(process.env.NIMBUS_E2E_SHARED ?? '{}');
    if (!shared.databaseUrl) throw new Error('The sweep needs DATABASE_URL (a shared server).');
    const pool = new Pool({ connectionString: shared.databaseUrl, max: 1 });
    try {
      await generateDemoStore(pool, { storeId, userId, products: 40, days: 49, seed: 22 });
    } finally {
      await pool.end();
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    page = ctx.page;
    const api = await apiAs(ctx.server.baseUrl, owner, storeName);
    const store = (p) => `/stores/${api.storeId}${p}`;
    const get = async (p) => (await api.call('GET', store(p))).data;
    /** A list's rows, whether the envelope's data is the list or holds it in `items`. */
    const list = async (p) => {
      const data = await get(p);
      return Array.isArray(data) ? data : data.items;
    };
    const post = async (p, body) => (await api.call('POST', store(p), body)).data;
    ids.store = api.storeId;
    const me = (await api.call('GET', '/auth/me')).data;
    await generateStore(api.storeId, (me.user ?? me).id);

    const products = await list('/products?limit=5');
    ids.product = products[0].id;
    const [refunded] = (await api.listSales()).filter((s) => s.status === 'completed');
    ids.sku = products[0].sku;
    // Today's, so it may still be voided (the generated history ends at some hour of today).
    ids.sale = (
      await post('/sales', {
        items: [{ productId: ids.product, quantity: 1 }],
        payments: [{ method: 'cash', amount: 1000 }],
        customer: { name: 'Lena Ortiz', email: 'lena@example.com' },
      })
    ).id;
    const sale = await get(`/sales/${refunded.id}`);
    ids.refund = (
      await post(`/sales/${refunded.id}/refunds`, {
        lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
        reason: 'Dented tin',
        method: 'cash',
      })
    ).id;
    const orders = await list('/purchase-orders?limit=100');
    ids.order = orders.find((o) => o.status === 'pending').id;
    ids.orderSent = (
      orders.find((o) => o.status === 'processing' || o.status === 'shipped') ?? orders[0]
    ).id;
    const invoices = await list('/invoices?limit=20');
    ids.invoice = (invoices.find((i) => i.status === 'pending_review') ?? invoices[0]).id;
    ids.supplier = (await list('/suppliers?limit=1'))[0].id;
    const [category] = await list('/categories');
    const session = await post('/count-sessions', { scope: 'category', categoryId: category.id });
    ids.count = session.id;
    const lines = (await get(`/count-sessions/${session.id}`)).lines ?? [];
    for (const line of lines.slice(0, 2)) {
      await post(`/count-sessions/${session.id}/counts`, {
        productId: line.productId,
        countedQuantity: 1,
      });
    }
    const second = (await api.call('POST', '/stores', { name: `${storeName} (back room)` })).data;
    ids.transfer = (
      await post('/transfers', {
        toStoreId: second.id,
        lines: [{ productId: ids.product, quantity: 1 }],
      })
    ).id;
    ids.list = (await list('/shopping-lists?limit=1'))[0]?.id;
    if (!ids.list) {
      ids.list = (await post('/shopping-lists/generate', { name: 'Reorder', criteria: {} })).id;
    }
    ids.job = (await post('/reports/jobs', { report: 'consumption' })).jobId;
    await post('/webhooks', {
      url: 'https://example.com/hooks/nimbus',
      events: ['sale.recorded'],
    });
    await post('/api-keys', { name: 'Till 2', role: 'employee' });
    console.log(`axe sweep: the store was filled in ${Date.now() - started} ms`);
  });

  /** Navigates without a reload (the router follows popstate) and waits for the data. */
  async function open(url) {
    await page.evaluate((to) => {
      const { history, dispatchEvent, PopStateEvent } = globalThis;
      history.pushState(history.state, '', to);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    }, url);
    await settle();
  }

  async function settle() {
    await page.waitForFunction(() => {
      const { document } = globalThis;
      return (
        document.querySelector('main h1') !== null &&
        document.querySelector('.loading, .top-progress') === null
      );
    });
  }

  /** Light and dark at desktop size, then at phone size; back to desktop. */
  async function sweep(label, selector) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ]) {
      if (size === 'phone') await page.setViewportSize(viewport);
      checks += 2;
      const started = Date.now();
      try {
        await expectAccessible(page, `${label} (${size})`, { selector, schemes: BOTH_SCHEMES });
      } catch (err) {
        problems.push(err.message);
        console.log(err.message);
      }
      axeMs += Date.now() - started;
    }
    await page.setViewportSize(DESKTOP);
  }

  async function screenAt(label, url) {
    await open(`/stores/${ids.store}${url}`);
    await sweep(label);
  }

  async function dialogOn(label, button) {
    await page.getByRole('button', { name: button }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await sweep(label);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }

  step('when the owner signs in, then the dashboard and the account screens pass', async () => {
    await signIn(ctx, owner);
    await settle();
    await sweep('dashboard');
    await open('/account');
    await sweep('account');
    await open('/notifications');
    await sweep('notifications');
  });

  step('then the catalogue screens pass: products, a product, its form, import', async () => {
    await screenAt('products', '/products');
    await screenAt('product detail', `/products/${ids.product}`);
    await screenAt('product form (edit)', `/products/${ids.product}/edit`);
    await screenAt('product form (new)', '/products/new');
    await screenAt('products import', '/products/import');
    await screenAt('categories', '/categories');
    await screenAt('suppliers', '/suppliers');
    await screenAt('supplier detail', `/suppliers/${ids.supplier}`);
  });

  step('then the till, the sales, a sale, its receipt, a refund and the cash-up pass', async () => {
    await screenAt('till', '/sales/new');
    const scan = page.getByLabel(SCAN_LABEL, { exact: true });
    await scan.fill(ids.sku);
    await scan.press('Enter');
    await page.getByRole('table', { name: 'Sale lines' }).locator('tbody tr').first().waitFor();
    await sweep('till with a line');
    await dialogOn('payment dialog', 'Take payment');
    await screenAt('sales', '/sales');
    await screenAt('sale detail', `/sales/${ids.sale}`);
    await dialogOn('refund dialog', 'Refund…');
    await dialogOn('void dialog', 'Void sale…');
    await dialogOn('e-mail receipt dialog', 'E-mail receipt');
    await screenAt('receipt', `/sales/${ids.sale}/receipt`);
    await screenAt('refund', `/refunds/${ids.refund}`);
    await screenAt('cash-up', '/cash-up');
    await screenAt('checkout settings', '/checkout');
  });

  step('then stock work passes: counts, a count, its review, transfers', async () => {
    await screenAt('count sessions', '/counts');
    await screenAt('count session', `/counts/${ids.count}`);
    await screenAt('count review', `/counts/${ids.count}/review`);
    await screenAt('transfers', '/transfers');
    await screenAt('new transfer', '/transfers/new');
    await screenAt('transfer detail', `/transfers/${ids.transfer}`);
  });

  step('then purchasing passes: orders, an order, its form, invoices, an invoice', async () => {
    await screenAt('purchase orders', '/purchase-orders');
    await screenAt('new purchase order', '/purchase-orders/new');
    await screenAt('purchase order detail', `/purchase-orders/${ids.order}`);
    await dialogOn('send order dialog', 'E-mail to supplier…');
    await dialogOn('cancel order dialog', 'Cancel order…');
    await screenAt('edit purchase order', `/purchase-orders/${ids.order}/edit`);
    await screenAt('purchase order (sent)', `/purchase-orders/${ids.orderSent}`);
    await dialogOn('receive dialog', 'Receive delivery…');
    await screenAt('invoices', '/invoices');
    await screenAt('invoice review', `/invoices/${ids.invoice}`);
    await screenAt('shopping lists', '/shopping-lists');
    await screenAt('new shopping list', '/shopping-lists/new');
    await screenAt('shopping list', `/shopping-lists/${ids.list}`);
    await dialogOn('create orders dialog', 'Create purchase orders…');
  });

  step('then insight passes: alerts, anomalies, reports, custom reports, a job', async () => {
    await screenAt('alerts', '/alerts');
    await screenAt('anomalies', '/anomalies');
    await screenAt('reports', '/reports');
    await screenAt('custom report', '/reports/custom');
    await screenAt('report job', `/jobs/${ids.job}`);
  });

  step('then the store pages pass: members, settings and their dialogs', async () => {
    await screenAt('members', '/members');
    await screenAt('settings', '/settings');
    await dialogOn('new API key dialog', 'New API key…');
    await dialogOn('new webhook dialog', 'New webhook…');
  });

  step('then no screen had a serious or critical violation', async () => {
    console.log(
      `axe sweep: ${checks} checks (each a light and a dark pass) in ${axeMs} ms, ` +
        `${expectAccessible.checked.size} screens and dialogs; in axe: ` +
        JSON.stringify(expectAccessible.ms),
    );
    expect(problems).toEqual([]);
  });
});
