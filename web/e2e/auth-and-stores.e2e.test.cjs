// One user's journey through the SPA against the real API: register, sign out and in,
// survive access-token expiry (ACCESS_TOKEN_TTL=3), work with two stores, invite a member.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, STORE_URL, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Dana Reyes', email: `dana.${run}@example.com`, password: 'Shelf-Life-42' };
const firstStore = 'Corner Grocery';
const secondStore = 'Harbor Hardware';
const invitee = `sam.${run}@example.com`;

describeWithBrowser('Nimbus web: auth, token refresh, stores and members', () => {
  // Access tokens live 3 s, so the journey crosses several expiries and refreshes.
  // It counts the refreshes its requests make: the live socket, which renews the token at
  // each expiry by itself, stays off.
  const { ctx, step } = useJourney({ env: { ACCESS_TOKEN_TTL: '3' }, live: false });
  const { heading, field, status, alert, storeTab, selectedStoreName } = screen(ctx);
  const { traffic } = ctx;
  const ids = {};
  let page;
  const storeIdInUrl = () => STORE_URL.exec(new URL(page.url()).pathname)?.[1];
  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when a visitor registers with a store name, then they land on that store dashboard',
    async () => {
      await page.goto(`${ctx.server.baseUrl}/register`);
      await heading('Create your account').waitFor();
      await expectAccessible(page, 'register');
      ids.first = await registerWithStore(ctx, user, firstStore);
      await heading(firstStore).waitFor();
      await page.getByText('Your dashboard will appear here').waitFor();
      await expectAccessible(page, 'dashboard, empty store');
      await page.getByText('Admin', { exact: true }).first().waitFor();
      expect(await selectedStoreName()).toBe(firstStore);
      await page.getByRole('link', { name: user.name }).waitFor();
    },
  );

  step('when the user signs out and back in, then they return to their first store', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await status('You have signed out.').waitFor();

    await field('Email').fill(user.email);
    await field('Password').fill('Not-the-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert('Invalid email or password').waitFor();
    await expectAccessible(page, 'sign in, wrong password');

    await field('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(STORE_URL);
    expect(storeIdInUrl()).toBe(ids.first);
    await heading(firstStore).waitFor();
  });

  step(
    'when the access token has expired, then concurrent requests share one refresh and succeed',
    async () => {
      await page.waitForTimeout(4_500);
      traffic.refreshes = 0;
      traffic.unauthorized = [];

      // The members page fires GET members and GET invitations at once: both get 401.
      await storeTab('Members').click();
      const members = page.getByRole('table', { name: 'Members' });
      await members.getByRole('cell', { name: user.email }).waitFor();
      await page.getByText('No pending invitations.').waitFor();

      expect(
        traffic.unauthorized.filter((p) => p.startsWith('/api/v1/stores/')).length,
      ).toBeGreaterThanOrEqual(2);
      expect(traffic.refreshes).toBe(1);
    },
  );

  step('when the token expires again, then the settings page still loads and saves', async () => {
    await page.waitForTimeout(3_500);
    await storeTab('Settings').click();
    await heading('Store settings').waitFor();
    const name = field('Store name');
    await expect(name.inputValue()).resolves.toBe(firstStore);
    await field('Timezone').selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await status('Store settings saved.').waitFor();
    await expect(field('Timezone').inputValue()).resolves.toBe('Europe/Berlin');
    await expectAccessible(page, 'store settings');
  });

  step(
    'when the admin moves the nightly forecasts to 03:30, then Settings keeps the time and shows the next run',
    async () => {
      const schedule = () => page.getByRole('form', { name: 'Forecasts and anomalies' });
      const at = () => schedule().getByLabel('Daily at (Europe/Berlin)');
      await expect(at().inputValue()).resolves.toBe('02:00');
      await at().fill('03:30');
      await schedule().getByRole('button', { name: 'Save forecasts and anomalies' }).click();
      await status('Schedule saved.').waitFor();
      await page.getByText(/^Next run .*3:30.*It has not run yet\.$/).waitFor();
      await page.reload();
      await heading('Store settings').waitFor();
      await expect(at().inputValue()).resolves.toBe('03:30');
    },
  );

  step(
    'when the user creates a second store, then it opens and both appear in the switcher',
    async () => {
      await page.getByRole('link', { name: 'Create store' }).click();
      await heading('Create a store').waitFor();
      await field('Store name').fill(secondStore);
      await page.getByRole('button', { name: 'Create store' }).click();

      await page.waitForURL(
        (url) => STORE_URL.test(url.pathname) && !url.pathname.includes(ids.first),
      );
      ids.second = storeIdInUrl();
      await heading(secondStore).waitFor();
      expect(await selectedStoreName()).toBe(secondStore);
      const options = await field('Store').locator('option').allTextContents();
      expect(options).toEqual(expect.arrayContaining([firstStore, secondStore]));
    },
  );

  step('when the user switches stores, then the URL, header and dashboard follow', async () => {
    await field('Store').selectOption({ label: firstStore });
    await page.waitForURL(`**/stores/${ids.first}`);
    await heading(firstStore).waitFor();
    expect(await selectedStoreName()).toBe(firstStore);

    await field('Store').selectOption({ label: secondStore });
    await page.waitForURL(`**/stores/${ids.second}`);
    await heading(secondStore).waitFor();
    await page.getByText('Your dashboard will appear here').waitFor();
  });

  step(
    'when an admin adds an unknown e-mail as employee, then it is listed as a pending invitation',
    async () => {
      await storeTab('Members').click();
      await heading('Members').waitFor();
      await field('Member email').fill(invitee);
      await field('Member role').selectOption('employee');
      await page.getByRole('button', { name: 'Add member' }).click();

      await status(`Invitation sent to ${invitee}`).waitFor();
      const invitations = page.getByRole('table', { name: 'Pending invitations' });
      const row = invitations.getByRole('row').filter({ hasText: invitee });
      await row.waitFor();
      await row.getByText('Employee').waitFor();
      await row.getByRole('button', { name: `Revoke invitation for ${invitee}` }).waitFor();
      await expectAccessible(page, 'members with an invitation');
    },
  );

  step(
    'when the invitee opens the link in the mail, then the register page names the store, the role and the address',
    async () => {
      const [mail] = await ctx.server.sql('SELECT body FROM mail_outbox WHERE to_address = $1', [
        invitee,
      ]);
      const link = /\/register\?invitation=[\w.-]+/.exec(mail.body)[0];
      // The invitee's own browser: no session of the admin's.
      const guest = await ctx.browser.newContext({ viewport: { width: 1280, height: 860 } });
      try {
        const theirs = await guest.newPage();
        await theirs.goto(`${ctx.server.baseUrl}${link}`);
        await theirs.getByRole('heading', { level: 1, name: `Join ${secondStore}` }).waitFor();
        await theirs
          .getByText(`You are invited as employee. Create your account with ${invitee}`)
          .waitFor();
        await expect(theirs.getByLabel('Email', { exact: true }).inputValue()).resolves.toBe(
          invitee,
        );
        await expectAccessible(theirs, 'the register page of an invitation');
        // A link whose signature was tampered with says so, and the page still registers.
        await theirs.goto(`${ctx.server.baseUrl}${link.slice(0, -4)}AAAA`);
        await theirs.getByText('This invitation link is no longer valid').waitFor();
        await theirs.getByRole('heading', { level: 1, name: 'Create your account' }).waitFor();
      } finally {
        await guest.close();
      }
    },
  );

  step(
    'when the page is reloaded, then the session is restored from the refresh cookie',
    async () => {
      await page.reload();
      await heading('Members').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stores/${ids.second}/members`);
      expect(await selectedStoreName()).toBe(secondStore);
      await page
        .getByRole('table', { name: 'Pending invitations' })
        .getByRole('cell', { name: invitee, exact: true })
        .waitFor();
    },
  );

  step(
    'when the session cannot be refreshed, then a dialog over the page asks to sign in again and the page carries on',
    async () => {
      await page.waitForTimeout(3_500);
      // Answered in the browser, so the real refresh cookie stays valid and no server limit is spent.
      await page.route('**/api/v1/auth/refresh', (route) =>
        route.fulfill({
          status: 401,
          contentType: 'application/json',
          body: JSON.stringify({
            success: false,
            error: {
              code: 'UNAUTHORIZED',
              message: 'Session expired',
              statusCode: 401,
              requestId: 'e2e',
            },
          }),
        }),
      );
      await storeTab('Settings').click();
      // Issue 16, defect 8: a sign-in dialog over the page, no trip to /login (was: /login).
      const dialog = page.getByRole('dialog', { name: 'Sign in again to carry on' });
      await dialog.waitFor();
      expect(new URL(page.url()).pathname).toBe(`/stores/${ids.second}/settings`);
      await page.unroute('**/api/v1/auth/refresh');
      await expect(dialog.getByLabel('Email').inputValue()).resolves.toBe(user.email);
      await expectAccessible(page, 'the sign-in-again dialog');

      await dialog.getByLabel('Password').fill(user.password);
      await dialog.getByRole('button', { name: 'Sign in' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await heading('Store settings').waitFor();
      await expect(field('Store name').inputValue()).resolves.toBe(secondStore);
      expect(new URL(page.url()).pathname).toBe(`/stores/${ids.second}/settings`);
    },
  );

  step('when the user signs out, then protected pages send them to the login page', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);

    // A full page load: nothing in memory, and the refresh cookie was revoked by logout.
    await page.goto(`${ctx.server.baseUrl}/stores/${ids.second}/members`);
    await page.waitForURL(/\/login$/);
    await heading('Sign in to Nimbus').waitFor();
    expect(traffic.unauthorized.some((p) => p.startsWith('/api/v1/stores/'))).toBe(true);
  });
});
