// Money is for those who may view reports: an employee's dashboard shows units and counts, and
// the cards that would be money are left out or say so, while the owner still sees them.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Ana Pires', email: `ana.${run}@example.com`, password: 'Fig-Jam-4721' };
const clerk = { name: 'Tom Reis', email: `tom.${run}@example.com`, password: 'Shelf-Stack-88' };
const storeName = 'Pires Grocers';

describeWithBrowser('Nimbus web: the dashboard without money for an employee', () => {
  const { ctx, step } = useJourney();
  const { heading } = screen(ctx);

  beforeAll(async () => {
    const api = await apiAs(ctx.server.baseUrl, owner, storeName);
    const tea = await api.createProduct({
      name: 'Black Tea',
      price: 4,
      cost: 2,
      initialQuantity: 10,
    });
    await api.call('POST', `/stores/${api.storeId}/sales`, {
      items: [{ productId: tea.id, quantity: 3 }],
    });
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(clerk),
    });
    if (res.status !== 201) throw new Error(`register: ${res.status}`);
    await api.call('POST', `/stores/${api.storeId}/members`, {
      email: clerk.email,
      role: 'employee',
    });
  });

  step('when an employee opens the dashboard, then it shows units and no money', async () => {
    const page = ctx.page;
    await signIn(ctx, clerk);
    await heading(storeName).waitFor();
    const figures = page.getByRole('list', { name: 'Key figures' });
    const sold = figures.getByRole('link', { name: /Units sold, last 30 days/ });
    await expect(sold.textContent()).resolves.toMatch(/Units sold, last 30 days\s*3/);
    await expect(
      figures.getByRole('link', { name: /Inventory value|Revenue/ }).count(),
    ).resolves.toBe(0);
    await page.getByRole('img', { name: /Units sold per day, last 30 days/ }).waitFor();
    const row = page
      .getByRole('table', { name: 'Top movers' })
      .getByRole('row')
      .filter({ hasText: 'Black Tea' });
    await row.getByRole('cell', { name: '—', exact: true }).waitFor();
    await expectAccessible(page, 'dashboard, employee');
  });
});
