// The small things people hit at work: a skip link, a supplier's country, a form that asks
// before losing changes, Undo for a write-off and for a delete, Deactivate for a sold product,
// roles explained and tabs hidden, a rate limit that says how long, dark mode, a new store's
// currency. axe checks every screen on the way, light and dark.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const admin = { name: 'Rosa Lind', email: `rosa.${run}@example.com`, password: 'Oat-Milk-31' };
const viewer = { name: 'Vic Hale', email: `vic.${run}@example.com`, password: 'Look-Only-58' };
const storeName = 'Lind & Daughters';
const sold = { name: 'Oat Milk 1 l', sku: 'OAT-1L' };
const unsold = { name: 'Paper Bags', sku: 'BAG-P' };

describeWithBrowser(
  'Nimbus web: undo, unsaved changes, roles, dark mode and the small things',
  () => {
    const { ctx, step } = useJourney();
    const { heading, field, status, alert, storeTab } = screen(ctx);
    const ids = {};
    const deletes = [];
    let page;
    const region = (name) => page.getByRole('region', { name });
    const toast = (text) => region('Notifications').getByRole('status').filter({ hasText: text });

    /** The API as an integrator calls it: set-up that is not what this journey is about. */
    async function api(method, path, { token = ids.token, body } = {}) {
      const res = await fetch(`${ctx.server.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json().catch(() => undefined);
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
      return json?.data;
    }

    async function signIn(user) {
      await heading('Sign in to Nimbus').waitFor();
      await field('Email').fill(user.email);
      await field('Password').fill(user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }

    async function openProduct(name) {
      await storeTab('Products').click();
      await page.getByRole('table', { name: 'Products' }).getByRole('link', { name }).click();
      await heading(name).waitFor();
    }

    beforeAll(async () => {
      page = ctx.page;
      page.on('request', (req) => {
        if (req.method() === 'DELETE') deletes.push({ url: req.url(), at: Date.now() });
      });
      // An admin with a store, a product that has sold and one that has not; and a viewer.
      const session = await api('POST', '/auth/register', { body: { ...admin, storeName } });
      ids.token = session.accessToken;
      ids.store = (await api('GET', '/stores'))[0].id;
      const product = (body) => api('POST', `/stores/${ids.store}/products`, { body });
      ids.sold = (await product({ ...sold, price: 1.9, initialQuantity: 10 })).id;
      ids.unsold = (await product({ ...unsold, price: 0.1 })).id;
      await api('POST', `/stores/${ids.store}/sales`, {
        body: { items: [{ productId: ids.sold, quantity: 1 }] },
      });
      await api('POST', '/auth/register', { token: null, body: viewer });
    });
    afterAll(() => {
      console.log(`axe checked: ${[...expectAccessible.checked].join(', ')}`);
    });

    step(
      'when the admin signs in, then the first Tab reaches "Skip to content", which jumps past the navigation',
      async () => {
        await page.goto(`${ctx.server.baseUrl}/login`);
        await heading('Sign in to Nimbus').waitFor();
        await expectAccessible(page, 'sign in');
        await signIn(admin);
        await heading(storeName).waitFor();
        await page.getByRole('list', { name: 'Key figures' }).waitFor();
        await expectAccessible(page, 'dashboard');

        await page.keyboard.press('Tab');
        const focused = () =>
          page.evaluate(() => globalThis.document.activeElement?.textContent?.trim());
        await expect(focused()).resolves.toBe('Skip to content');
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => globalThis.document.activeElement?.id)).resolves.toBe(
          'main',
        );
        expect(new URL(page.url()).hash).toBe('');
      },
    );

    step(
      'when a supplier is created with a country, then the list and the API show it',
      async () => {
        await storeTab('Suppliers').click();
        await heading('Suppliers').waitFor();
        await page.getByRole('button', { name: 'New supplier' }).click();
        await field('Supplier name').fill('Kaffee Kontor');
        await field('City').fill('Hamburg');
        await field('Country').selectOption({ label: 'Germany' });
        await expectAccessible(page, 'supplier form');
        await page.getByRole('button', { name: 'Create supplier' }).click();
        await status('Supplier “Kaffee Kontor” saved.').waitFor();
        const row = page
          .getByRole('table', { name: 'Suppliers' })
          .getByRole('row')
          .filter({ hasText: 'Kaffee Kontor' });
        await row.getByText('Hamburg, Germany').waitFor();
        const [supplier] = await api('GET', `/stores/${ids.store}/suppliers?search=Kaffee`);
        expect(supplier.country).toBe('DE');
        await expectAccessible(page, 'suppliers');
      },
    );

    step(
      'when a form has unsaved changes, then leaving asks first; staying keeps them, and a clean form just goes',
      async () => {
        await storeTab('Products').click();
        await page.getByRole('link', { name: 'New product' }).click();
        await heading('New product').waitFor();
        await storeTab('Categories').click(); // nothing typed yet: no question
        await heading('Categories').waitFor();
        await expectAccessible(page, 'categories');

        await page.goBack();
        await heading('New product').waitFor();
        await field('Name').fill('Rye Bread');
        await page.getByRole('button', { name: 'Create product' }).click();
        await alert('Please correct the highlighted fields.').waitFor();
        await expectAccessible(page, 'product form with errors');
        await storeTab('Categories').click();
        const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
        await prompt.waitFor();
        await expectAccessible(page, 'unsaved changes prompt');
        await prompt.getByRole('button', { name: 'Stay on this page' }).click();
        await prompt.waitFor({ state: 'hidden' });
        await heading('New product').waitFor();
        await expect(field('Name').inputValue()).resolves.toBe('Rye Bread');

        // A reload asks through the browser's own prompt (beforeunload); dismissing it stays.
        const asked = page.waitForEvent('dialog');
        const reload = page.reload({ timeout: 3_000 }).catch(() => undefined);
        const dialog = await asked;
        expect(dialog.type()).toBe('beforeunload');
        await dialog.dismiss();
        await reload;
        await expect(field('Name').inputValue()).resolves.toBe('Rye Bread');

        await storeTab('Categories').click();
        await prompt.getByRole('button', { name: 'Leave without saving' }).click();
        await heading('Categories').waitFor();
      },
    );

    step(
      'when a write-off is undone from its toast, then a reversing movement restores the stock and both stay in the ledger',
      async () => {
        await openProduct(sold.name);
        await region('Stock on hand').getByText('9 units on hand').waitFor();
        await field('Quantity change').fill('-3');
        await field('Reason').selectOption({ label: 'Damaged' });
        await field('Adjustment note').fill('Leaking cartons');
        await page.getByRole('button', { name: 'Adjust stock' }).click();

        const adjusted = toast('Stock adjusted by -3. Now 6 on hand.');
        await adjusted.waitFor();
        await region('Stock on hand').getByText('6 units on hand').waitFor();
        await expectAccessible(page, 'product detail with a toast');
        await adjusted.getByRole('button', { name: 'Undo' }).click();

        await toast('Adjustment of -3 undone. Now 9 on hand.').waitFor();
        await region('Stock on hand').getByText('9 units on hand').waitFor();
        const damaged = page
          .getByRole('table', { name: 'Stock movements' })
          .getByRole('row')
          .filter({ hasText: 'Damaged' });
        await damaged.filter({ hasText: 'Undoes an earlier adjustment' }).getByText('+3').waitFor();
        await expect(damaged.count()).resolves.toBe(2);
      },
    );

    step(
      'when a sold product is opened, then it offers Deactivate instead of Delete, and deactivating keeps it',
      async () => {
        await page.getByText('Sold products cannot be deleted').waitFor();
        await expect(page.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
        await page.getByRole('button', { name: `Deactivate ${sold.name}` }).click();
        await toast(`Deactivated “${sold.name}”.`).waitFor();
        const info = region('Product information');
        await info.getByText('Inactive', { exact: true }).waitFor();
        await page.getByRole('button', { name: `Reactivate ${sold.name}` }).waitFor();
        expect(deletes).toEqual([]);
        await expectAccessible(page, 'product detail');
      },
    );

    step('the till, the sales list and a sale pass axe', async () => {
      await page.goto(`${ctx.server.baseUrl}/stores/${ids.store}/sales/new`);
      await heading('Quick sale').waitFor();
      await expectAccessible(page, 'quick sale');
      await storeTab('Sales').click();
      await heading('Sales').waitFor();
      const firstSale = page.getByRole('table', { name: 'Sales' }).getByRole('link').first();
      await firstSale.waitFor();
      await expectAccessible(page, 'sales');
      await firstSale.click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByText(sold.name).first().waitFor();
      await expectAccessible(page, 'sale detail');
    });

    step(
      'when a never-sold product is deleted and Undo is pressed, then no DELETE is sent and it stays',
      async () => {
        await openProduct(unsold.name);
        await page.getByRole('button', { name: `Delete ${unsold.name}` }).click();
        await page.getByRole('button', { name: `Confirm delete of ${unsold.name}` }).click();
        await page.waitForURL(/\/products$/);
        const list = page.getByRole('table', { name: 'Products' });
        await list.getByRole('link', { name: sold.name }).waitFor();
        await expect(list.getByRole('link', { name: unsold.name }).count()).resolves.toBe(0);
        const deleted = toast(`Deleted product “${unsold.name}”.`);
        await deleted.waitFor();
        await expectAccessible(page, 'products with an undo toast');
        await deleted.getByRole('button', { name: 'Undo' }).click();

        await toast(`Restored “${unsold.name}”.`).waitFor();
        await list.getByRole('link', { name: unsold.name }).waitFor();
        await page.waitForTimeout(6_000);
        expect(deletes).toEqual([]);
      },
    );

    step(
      'when a delete is left to run, then it is sent once the Undo window has passed and the product is gone',
      async () => {
        await openProduct(unsold.name);
        await page.getByRole('button', { name: `Delete ${unsold.name}` }).click();
        const confirmed = Date.now();
        await page.getByRole('button', { name: `Confirm delete of ${unsold.name}` }).click();
        const response = await page.waitForResponse(
          (res) => res.request().method() === 'DELETE' && res.url().endsWith(ids.unsold),
          { timeout: 15_000 },
        );
        expect(response.status()).toBe(204);
        expect(Date.now() - confirmed).toBeGreaterThanOrEqual(4_500);
        expect(deletes).toHaveLength(1);
        await page.reload();
        const list = page.getByRole('table', { name: 'Products' });
        await list.getByRole('link', { name: sold.name }).waitFor();
        await expect(list.getByRole('link', { name: unsold.name }).count()).resolves.toBe(0);
      },
    );

    step(
      'when the admin invites someone, then the form explains the chosen role and all the others',
      async () => {
        await storeTab('Members').click();
        await heading('Members').waitFor();
        // The chosen role's description is the select's own description (aria-describedby).
        const hintId = await field('Member role').getAttribute('aria-describedby');
        const hint = page.locator(`[id="${hintId}"]`);
        await expect(hint.textContent()).resolves.toMatch(/^Employee: Day-to-day work/);
        await field('Member role').selectOption('viewer');
        await expect(hint.textContent()).resolves.toMatch(/^Viewer: Looks only/);
        await page.getByText('What each role can do').click();
        for (const role of ['Admin', 'Manager', 'Employee', 'Viewer']) {
          await page.getByRole('term').filter({ hasText: role }).waitFor();
        }
        await expectAccessible(page, 'members');
        await field('Member email').fill(viewer.email);
        await page.getByRole('button', { name: 'Add member' }).click();
        await status(`${viewer.name} was added as Viewer.`).waitFor();
        await page.getByRole('table', { name: 'Members' }).getByText('You').waitFor();
      },
    );

    step('when sign-in is rate limited, then the message says how long to wait', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      // Answered in the browser: the server's own limit stays untouched for the next sign-in.
      await page.route('**/api/v1/auth/login', (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'Retry-After': '840' },
          body: JSON.stringify({
            success: false,
            error: {
              code: 'RATE_LIMITED',
              message: 'Too many failed sign-in attempts, try again later',
              statusCode: 429,
              requestId: 'e2e',
            },
          }),
        }),
      );
      await signIn(viewer);
      await alert('Too many failed sign-in attempts. Try again in 14 minutes.').waitFor();
      await expectAccessible(page, 'sign in, rate limited');
      await page.unroute('**/api/v1/auth/login');
    });

    step('when a viewer signs in, then the tabs they cannot use are not shown', async () => {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await heading(storeName).waitFor();
      const tabs = page.getByRole('navigation', { name: 'Store sections' }).getByRole('link');
      // The Alerts tab's text ends with its open count when there is one: "Alerts2: 2 open".
      const names = (await tabs.allTextContents()).map((t) => t.replace(/\d+: \d+ open$/, ''));
      expect(names).toEqual([
        'Dashboard',
        'Alerts',
        'Products',
        'Counts',
        'Sales',
        'Reorder',
        'Purchase orders',
        'Transfers',
        'Categories',
        'Suppliers',
        'Anomalies',
        'Reports',
      ]);
      await expectAccessible(page, 'dashboard, viewer');
    });

    step(
      'when the system prefers dark, then every surface is dark and text stays readable',
      async () => {
        await page.emulateMedia({ colorScheme: 'dark' });
        try {
          // Runs in the page: globalThis is its window.
          const colours = await page.evaluate(() => {
            const { document, getComputedStyle } = globalThis;
            const luminance = (el) => {
              const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
              return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            };
            return {
              page: luminance(document.body.parentElement),
              card: luminance(document.querySelector('.stat')),
              scheme: getComputedStyle(document.documentElement).colorScheme,
            };
          });
          expect(colours.page).toBeLessThan(0.15);
          expect(colours.card).toBeLessThan(0.2);
          expect(colours.scheme).toBe('dark');
        } finally {
          await page.emulateMedia({ colorScheme: 'light' });
        }
        // And axe on a screen full of badges and figures (both schemes: axe-sweep.e2e.test.cjs).
        await storeTab('Products').click();
        await page.getByRole('table', { name: 'Products' }).waitFor();
        await expectAccessible(page, 'products, viewer');
      },
    );

    step(
      'when a store is created in an Austrian browser, then its currency defaults to euros',
      async () => {
        await page.addInitScript(() => {
          Object.defineProperty(navigator, 'languages', { get: () => ['de-AT', 'de'] });
        });
        await page.goto(`${ctx.server.baseUrl}/stores/new`);
        await heading('Create a store').waitFor();
        await expect(field('Currency').inputValue()).resolves.toBe('EUR');
        await expectAccessible(page, 'create store');
      },
    );
  },
);
