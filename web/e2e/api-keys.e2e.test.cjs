// An admin gives an integration an API key in Settings: the key is shown once with a copy
// button, works on the API (as an integrator's program calls it), is listed without its secret
// and, once revoked, is refused at once.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const admin = { name: 'Kai Moreno', email: `kai.${run}@example.com`, password: 'Till-Key-73' };

describeWithBrowser('Nimbus web: API keys in Settings', () => {
  const { ctx, step } = useJourney();
  const { heading, storeTab } = screen(ctx);
  const ids = {};
  let page;
  const card = () => page.getByRole('region', { name: 'API keys' });
  const keyRow = (name) => card().getByRole('row').filter({ hasText: name });

  /** The API as the integration calls it, with the key. */
  async function withKey(method, path, body) {
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/stores/${ids.store}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ids.token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when an admin creates a key in Settings, then its secret is shown once to copy',
    async () => {
      await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      ids.store = await registerWithStore(ctx, admin, 'Moreno Market');
      await storeTab('Settings').click();
      await heading('Store settings').waitFor();
      await card().getByText('No API keys yet.').waitFor();

      await card().getByRole('button', { name: 'New API key…' }).click();
      const dialog = page.getByRole('dialog', { name: 'New API key' });
      await dialog.getByLabel('Name', { exact: true }).fill('Till 1');
      await dialog.getByLabel('Role', { exact: true }).selectOption('employee');
      await dialog.getByRole('button', { name: 'Create key' }).click();

      const shown = page.getByRole('dialog', { name: 'Copy your new API key' });
      await shown.getByText('it will not be shown again').waitFor();
      ids.token = await shown.getByLabel('API key “Till 1”').inputValue();
      expect(ids.token).toMatch(/^nmb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      await shown.getByRole('button', { name: 'Copy key' }).click();
      await shown.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ids.token);
      await expectAccessible(page, 'a new API key, shown once');
      await shown.getByRole('button', { name: 'Done' }).click();
      await shown.waitFor({ state: 'hidden' });

      // Listed with its prefix, role and creator; the secret is nowhere on the page.
      const row = keyRow('Till 1');
      await row.getByText(`${ids.token.slice(0, 20)}…`).waitFor();
      await row.getByText('Employee').waitFor();
      await row.getByText(admin.name).waitFor();
      await row.getByText('Active').waitFor();
      expect(await page.content()).not.toContain(ids.token.slice(21));
    },
  );

  step('when the integration uses the key, then it reads and writes within its role', async () => {
    const made = await withKey('POST', '/products', { name: 'Oat Milk', price: 2.5 });
    expect(made.status).toBe(201);
    const list = await withKey('GET', '/products');
    expect(list.status).toBe(200);
    expect(list.body.data.map((p) => p.name)).toEqual(['Oat Milk']);
    // An employee key may not manage keys or members.
    expect((await withKey('GET', '/api-keys')).status).toBe(403);
    // Its use shows in the list after a reload (recorded just after the request).
    const lastUsed = () => keyRow('Till 1').getByRole('cell').nth(4);
    for (let i = 0; ; i++) {
      await page.reload();
      await heading('Store settings').waitFor();
      await keyRow('Till 1').getByText('Active').waitFor();
      if ((await lastUsed().innerText()) !== 'Never' || i === 5) break;
    }
    expect(await lastUsed().innerText()).toMatch(/\d/);
    expect(await keyRow('Till 1').getByRole('cell').nth(5).innerText()).toBe('Never');
  });

  step('when the admin revokes the key, then the API refuses it at once', async () => {
    const row = keyRow('Till 1');
    await row.getByRole('button', { name: 'Revoke API key Till 1' }).click();
    await row.getByRole('button', { name: 'Confirm revoke of API key Till 1' }).click();
    await row.getByText('Revoked').waitFor();
    const refused = await withKey('GET', '/products');
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('This API key has been revoked');
    await expectAccessible(page, 'a revoked API key');
  });
});
