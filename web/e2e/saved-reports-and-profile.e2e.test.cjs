// A store owner saves a custom report under a name, runs it again from the saved list and
// deletes it; then edits their own profile (a new name shows in the header at once, a new
// e-mail asks for the current password, and signing in takes the new e-mail).
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = {
  name: 'Rosa Diaz',
  email: `rosa.${run}@example.com`,
  password: 'Corner-Shop-77',
};

describeWithBrowser('Nimbus web: saved reports and the profile', () => {
  const { ctx, step } = useJourney();
  const { heading, field, status, storeTab } = screen(ctx);
  let page;

  beforeAll(() => {
    page = ctx.page;
  });

  step(
    'when an owner saves a custom report, then it is listed, runs again from the list and can be deleted',
    async () => {
      await registerWithStore(ctx, owner, `Rosa's ${run}`);
      await storeTab('Reports').click();
      await page.getByRole('link', { name: 'Build a custom report' }).click();
      await heading('Custom report').waitFor();
      await field('Save as').fill('Every sale');
      await page.getByRole('button', { name: 'Save report' }).click();
      await status('Saved as “Every sale”.').waitFor();
      const saved = page.getByRole('list', { name: 'Saved reports' });
      await saved.getByText('Every sale').waitFor();
      await expectAccessible(page, 'custom report with a saved report');

      // Run from the list: the builder was never run, so the result is the saved report's.
      await page.getByRole('button', { name: 'Run Every sale' }).click();
      await page.getByRole('region', { name: 'Result' }).getByRole('status').waitFor();

      await page.getByRole('button', { name: 'Delete Every sale' }).click();
      await page.getByText('No saved reports yet: build one below and save it.').waitFor();
    },
  );

  step(
    'when the owner edits their profile, then the header shows the new name and a new e-mail needs the password',
    async () => {
      await page.getByRole('link', { name: /Rosa Diaz/ }).click();
      await heading('Your account').waitFor();
      await field('Name').fill('Rosa Díaz Molina');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await status('Profile saved.').waitFor();
      await page.getByRole('link', { name: /Rosa Díaz Molina/ }).waitFor();

      const moved = `rosa.moved.${run}@example.com`;
      await field('Email').fill(moved);
      await page.getByRole('button', { name: 'Save profile' }).click();
      const profile = page.getByRole('region', { name: 'Profile' });
      const password = profile.getByLabel('Current password', { exact: true });
      await expect(password.getAttribute('aria-invalid')).resolves.toBe('true');
      await password.fill(owner.password);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await status('Profile saved.').waitFor();
      await expect(field('Email').inputValue()).resolves.toBe(moved);
      await expectAccessible(page, 'account page');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(ctx, { email: moved, password: owner.password });
    },
  );
});
