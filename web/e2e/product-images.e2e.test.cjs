// A product's picture: uploaded on its page, shown there, in the product list and in the
// till's picker, then removed.
const crypto = require('node:crypto');
const sharp = require('sharp');
const { expectAccessible } = require('./support/axe.cjs');
const { apiAs } = require('./support/api.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { screen, signIn, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Ines Duarte', email: `ines.${run}@example.com`, password: 'Photo-Shop-48' };

/** Whether the <img> has decoded to real pixels (not a broken image). */
const loaded = (img) => img.evaluate((el) => el.complete && el.naturalWidth > 0);

describeWithBrowser('Nimbus web: product pictures', () => {
  const { ctx, step } = useJourney();
  const { heading, field, storeTab } = screen(ctx);
  let page;

  beforeAll(async () => {
    const api = await apiAs(ctx.server.baseUrl, owner, 'Duarte Ceramics');
    await api.createProduct({ name: 'Blue Teapot', price: 24, initialQuantity: 3 });
    page = ctx.page;
    await signIn(ctx, owner);
  });

  step('when a picture is uploaded on the product page, then it shows there', async () => {
    await storeTab('Products').click();
    await page.getByRole('link', { name: 'Blue Teapot' }).click();
    await heading('Blue Teapot').waitFor();
    const photo = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: { r: 30, g: 80, b: 200 } },
    })
      .jpeg()
      .toBuffer();
    await field('Upload a picture (JPEG, PNG or WebP)').setInputFiles({
      name: 'teapot.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const picture = page
      .getByRole('region', { name: 'Picture' })
      .getByRole('img', { name: 'Picture of Blue Teapot' });
    await picture.waitFor();
    await expect(loaded(picture)).resolves.toBe(true);
    await field('Replace the picture (JPEG, PNG or WebP)').waitFor();
    await expectAccessible(page, 'product with a picture');
  });

  step('when the product list opens, then the product shows its thumbnail', async () => {
    await storeTab('Products').click();
    const thumb = page
      .getByRole('table', { name: 'Products' })
      .getByRole('row')
      .filter({ hasText: 'Blue Teapot' })
      .getByRole('img', { name: 'Picture of Blue Teapot' });
    await thumb.waitFor();
    await expect(loaded(thumb)).resolves.toBe(true);
    await expect(thumb.evaluate((el) => el.naturalWidth)).resolves.toBe(192);
  });

  step("when the till's picker suggests the product, then its thumbnail is beside it", async () => {
    await storeTab('Quick sale').click();
    await field('Scan or search products').fill('Blue Tea');
    const suggestion = page
      .getByRole('listbox', { name: 'Product suggestions' })
      .getByRole('option')
      .filter({ hasText: 'Blue Teapot' });
    const thumb = suggestion.getByRole('img', { name: 'Picture of Blue Teapot' });
    await thumb.waitFor();
    await expect(loaded(thumb)).resolves.toBe(true);
  });

  step('when the picture is removed, then the product page says it has none', async () => {
    await storeTab('Products').click();
    await page.getByRole('link', { name: 'Blue Teapot' }).click();
    await heading('Blue Teapot').waitFor();
    await page.getByRole('button', { name: 'Remove picture' }).click();
    await page.getByRole('region', { name: 'Picture' }).getByText('No picture yet.').waitFor();
    await field('Upload a picture (JPEG, PNG or WebP)').waitFor();
  });
});
