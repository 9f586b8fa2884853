// Nimbus on a phone (390×844): nothing scrolls sideways, every store section can be reached,
// the product list is cards with its filters folded away, and the till's total and complete
// button stay on screen however long the sale. A failing step leaves a screenshot.
const crypto = require('node:crypto');
const { apiAs } = require('./support/api.cjs');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const user = { name: 'Kofi Boateng', email: `kofi.${run}@example.com`, password: 'Pocket-Till-36' };
const storeName = 'Market Stall';
const SCAN_LABEL = 'Scan or search products';
const SECTIONS = [
  'Dashboard',
  'Alerts',
  'Products',
  'Counts',
  'Quick sale',
  'Sales',
  'Purchase orders',
  'Transfers',
  'Categories',
  'Suppliers',
  'Anomalies',
  'Reports',
  'Members',
  'Settings',
];

describeWithBrowser('Nimbus web: phone layout', () => {
  const { ctx, step } = useJourney({ viewport: { width: 390, height: 844 }, touch: true });
  const { heading, field, status, storeTab } = screen(ctx);
  let page;
  let api;

  /** The page is no wider than the screen: nothing to scroll sideways. */
  async function expectNoSidewaysScroll() {
    const [scrollWidth, innerWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  }

  async function expectInViewport(locator) {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
  }

  beforeAll(async () => {
    page = ctx.page;
    api = await apiAs(ctx.server.baseUrl, user, storeName);
    for (let i = 1; i <= 8; i += 1) {
      await api.createProduct({
        name: `Heirloom Tomatoes, Mixed Colours, Tray ${i}`,
        sku: `TOM-TRAY-${i}`,
        brand: 'Green Acre Farm',
        price: 3 + i,
        reorderPoint: 4,
        initialQuantity: 2 + i,
      });
    }
  });

  /** The sections fold behind one button on a phone: open it, then choose. */
  const sections = () => page.getByRole('button', { name: /^Sections/ });

  step(
    'when the user signs in on a phone, then the sections fold behind one button, and opened every one is in sight',
    async () => {
      await signIn(ctx, user);
      await heading(storeName).waitFor();
      await expect(storeTab('Products').isVisible()).resolves.toBe(false);
      await expect(sections().getAttribute('aria-expanded')).resolves.toBe('false');
      await sections().click();
      for (const name of SECTIONS) await expectInViewport(storeTab(name));
      await expectNoSidewaysScroll();
      await expectAccessible(page, 'the sections menu on a phone');
    },
  );

  step('when the product list opens, then it shows cards and folds its filters away', async () => {
    await storeTab('Products').click();
    await heading('Products').waitFor();
    const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
    await cards.first().waitFor();
    await expect(cards.count()).resolves.toBe(8);
    await expect(page.getByRole('table', { name: 'Products' }).count()).resolves.toBe(0);
    await cards.first().getByText('3 on hand').waitFor();
    await expectInViewport(cards.first());
    await expectNoSidewaysScroll();

    // Search stays in sight; the other filters wait behind a button.
    await field('Search products').waitFor();
    const more = page.getByRole('button', { name: 'More filters' });
    await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(field('Stock status').isVisible()).resolves.toBe(false);
    await more.click();
    await field('Stock status').selectOption('low_stock');
    await page.waitForURL(/status=low_stock/);
    // 3 and 4 on hand, at or below the reorder point of 4.
    await page.waitForFunction(
      () => document.querySelectorAll('[aria-label="Products"] > li').length === 2,
    );
    await page.getByRole('button', { name: /Hide filters \(1 set\)/ }).waitFor();
    await expectNoSidewaysScroll();
    await expectAccessible(page, 'the product cards on a phone');
  });

  step(
    'when a long sale is rung up, then the total and the complete button stay on screen',
    async () => {
      await sections().click();
      await storeTab('Quick sale').click();
      await heading('Quick sale').waitFor();
      await sections().filter({ hasText: 'Sections: Quick sale' }).waitFor();
      // The header and the folded sections leave the till near the top (was 270 px of them).
      const nav = await page.getByRole('navigation', { name: 'Store sections' }).boundingBox();
      expect(nav.y + nav.height).toBeLessThanOrEqual(140);
      const scan = field(SCAN_LABEL);
      for (let i = 1; i <= 6; i += 1) {
        await scan.fill(`TOM-TRAY-${i}`);
        await scan.press('Enter');
      }
      // No keyboard on a phone: a suggestion is tapped.
      await scan.pressSequentially('tray 7', { delay: 40 });
      await page
        .getByRole('listbox', { name: 'Product suggestions' })
        .getByRole('option', { name: /Tray 7/ })
        .tap();
      const lines = page.getByRole('table', { name: 'Sale lines' }).locator('tbody tr');
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label="Sale lines"] tbody tr').length === 7,
      );
      await expect(lines.count()).resolves.toBe(7);
      await expectNoSidewaysScroll();

      const complete = page.getByRole('button', { name: 'Complete sale' });
      await expectInViewport(complete);
      await expectAccessible(page, 'the till on a phone');
      await expectInViewport(page.getByText('Total $49.00'));
      // Still there at the far end of the page.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expectInViewport(complete);
      await complete.click();
      await status('Sale recorded: 7 items').waitFor();
      expect(await api.listSales()).toHaveLength(1);
    },
  );
});
