// Issue 16, defect 8: a session that ends keeps the work. The server ends the session while a
// product is being edited (its refresh token is revoked, as a sign-out elsewhere or a password
// change would): the server closes that session's socket at once, and a sign-in dialog opens
// over the form instead of sending the user to /login; once they sign in, the save goes
// through. At the till the socket does not hear of it (its close is held back here, as a
// socket that is down would miss it): Complete sale is refused, the dialog opens, and once they
// sign in the interrupted sale is recorded once. A sign-out in another tab signs this one out
// too, but the sale being rung up in it is kept in the tab and is there again when the same
// user signs back in.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Ines Duarte', email: `ines.${run}@example.com`, password: 'Keep-My-Work-8' };
const storeName = 'Duarte Greengrocer';
const SIGN_IN_AGAIN = 'Sign in again to carry on';

describeWithBrowser('Nimbus web: a session that ends keeps the work', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  let page;
  let api;
  const products = {};
  const writes = [];

  /** Ends the browser's session on the server, as signing out on another device would. */
  async function endSessionOnServer() {
    const cookie = (await ctx.context.cookies()).find((c) => c.name === 'nimbus_refresh');
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: cookie.value }),
    });
    expect(res.status).toBe(204);
  }

  const live = () =>
    page
      .getByRole('navigation', { name: 'Store sections' })
      .getByRole('status')
      .filter({ hasText: 'Live updates: Live' });

  async function signInAgain() {
    const dialog = page.getByRole('dialog', { name: SIGN_IN_AGAIN });
    await dialog.getByLabel('Password').fill(user.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  beforeAll(async () => {
    page = ctx.page;
    page.on('request', (req) => {
      if (['PATCH', 'PUT', 'POST'].includes(req.method()) && /\/stores\//.test(req.url())) {
        writes.push(`${req.method()} ${new URL(req.url()).pathname}`);
      }
    });
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    products.pears = await api.createProduct({
      name: 'Conference Pears 1 kg',
      sku: 'PEAR-1KG',
      price: 2.5,
      initialQuantity: 30,
    });
    products.figs = await api.createProduct({
      name: 'Black Figs 6 pack',
      sku: 'FIG-6',
      price: 4,
      initialQuantity: 12,
    });
  });

  step(
    'when the session ends while a product is edited, then a dialog asks to sign in over the form at once and the edit is saved',
    async () => {
      await signIn(ctx, user);
      const editUrl = `${ctx.server.baseUrl}/stores/${api.storeId}/products/${products.pears.id}/edit`;
      await page.goto(editUrl);
      await heading(`Edit ${products.pears.name}`).waitFor();
      await live().waitFor();
      await field('Price').fill('2.95');
      await field('Brand').fill('Orchard Hill');

      writes.length = 0;
      await endSessionOnServer();
      // The server closes the ended session's socket: the dialog opens by itself.
      const dialog = page.getByRole('dialog', { name: SIGN_IN_AGAIN });
      await dialog.waitFor();
      // Was: sent to /login, then the dashboard, the edit gone. Now the form is still there.
      expect(page.url()).toBe(editUrl);
      await expect(dialog.getByLabel('Email').inputValue()).resolves.toBe(user.email);
      await expect(field('Price').inputValue()).resolves.toBe('2.95');
      await expectAccessible(page, 'the sign-in dialog over an edit');
      expect((await api.getProduct(products.pears.id)).price).toBe(2.5);

      await signInAgain();
      await page.getByRole('button', { name: 'Save product' }).click();
      await status('Product saved.').waitFor();
      const saved = await api.getProduct(products.pears.id);
      expect(saved.price).toBe(2.95);
      expect(saved.brand).toBe('Orchard Hill');
      // One change, one history row per field.
      expect(writes.filter((w) => w.endsWith(`/products/${products.pears.id}`))).toHaveLength(1);
      const history = await api.call(
        'GET',
        `/stores/${api.storeId}/products/${products.pears.id}/history`,
      );
      expect(history.data.map((h) => h.field).sort()).toEqual(['brand', 'price']);
    },
  );

  step(
    'when the session ends while a sale is rung up, then Complete sale asks to sign in and the sale is recorded once',
    async () => {
      // The page's socket is passed through, but the server's close is held back: the tab
      // learns that the session ended only from the write it makes.
      await page.routeWebSocket(/\/api\/v1\/ws/, (ws) => {
        ws.connectToServer().onClose(() => undefined);
      });
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      await page.reload();
      await heading('Quick sale').waitFor();
      await live().waitFor();
      const scan = field('Scan or search products');
      await scan.fill('FIG-6');
      await scan.press('Enter');
      await expect(field('Quantity of Black Figs 6 pack').inputValue()).resolves.toBe('1');

      await endSessionOnServer();
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await page.getByRole('dialog', { name: SIGN_IN_AGAIN }).waitFor();
      expect(await api.listSales()).toHaveLength(0);
      await signInAgain();
      await status('Sale recorded: 1 item').waitFor();
      const sales = await api.listSales();
      expect(sales).toHaveLength(1);
      expect((await api.getProduct(products.figs.id)).quantity).toBe(11);
    },
  );

  step(
    'when another tab signs out while a sale is being rung up, then this tab keeps the sale until the user signs in again',
    async () => {
      const scan = field('Scan or search products');
      for (const sku of ['PEAR-1KG', 'PEAR-1KG', 'FIG-6']) {
        await scan.fill(sku);
        await scan.press('Enter');
      }
      await page.waitForFunction(
        (input) => input?.value === '2',
        await field('Quantity of Conference Pears 1 kg').elementHandle(),
      );
      const second = await ctx.context.newPage();
      second.setDefaultTimeout(15_000);
      await second.goto(`${ctx.server.baseUrl}/stores/${api.storeId}`);
      await second.getByRole('button', { name: 'Sign out' }).click();
      await second.waitForURL(/\/login$/);
      // This tab is signed out too: nothing of the store stays on screen.
      await page.waitForURL(/\/login$/);
      await second.close();

      await field('Email').fill(user.email);
      await field('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(/\/stores\/[0-9a-f-]{36}$/);
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      // Was: an empty till. The sale comes back as it was.
      await expect(field('Quantity of Conference Pears 1 kg').inputValue()).resolves.toBe('2');
      await expect(field('Quantity of Black Figs 6 pack').inputValue()).resolves.toBe('1');
      await page.getByRole('button', { name: 'Complete sale' }).click();
      await status('Sale recorded: 3 items').waitFor();
      await page.getByText('No items yet').waitFor();
      expect(await api.listSales()).toHaveLength(2);
    },
  );
});
