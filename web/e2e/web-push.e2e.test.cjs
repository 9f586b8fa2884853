// Web Push in a real chromium: the service worker is served from the root and registered by
// the "Push notifications on this device" control; a push delivered to it (through DevTools,
// as no push service is reachable from here) shows the notification the server's payload
// describes; a refused permission prompt shows "Blocked". Subscribing at a real push service needs Google's
// servers, which a headless test cannot reach: that step accepts either outcome and checks
// that the screen and the server agree.
const crypto = require('node:crypto');
const { expectAccessible } = require('./support/axe.cjs');
const { describeWithBrowser } = require('./support/browser.cjs');
const { registerWithStore, screen, useJourney } = require('./support/journey.cjs');

const run = crypto.randomBytes(4).toString('hex');
const owner = { name: 'Pia Storm', email: `pia.${run}@example.com`, password: 'Push-Bell-42' };

describeWithBrowser('Nimbus web: push notifications on this device', () => {
  // The full browser: chromium's headless shell has no push service (PushManager).
  const { ctx, step } = useJourney({ fullBrowser: true });
  const { heading } = screen(ctx);
  let page;
  let token;
  const control = () => page.getByRole('region', { name: 'Push notifications on this device' });
  const stateOf = () => control().locator('[data-state]').getAttribute('data-state');

  async function mySubscriptions() {
    const res = await fetch(`${ctx.server.baseUrl}/api/v1/me/push-subscriptions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()).data;
  }

  beforeAll(async () => {
    page = ctx.page;
    page.on('response', async (res) => {
      if (new URL(res.url()).pathname !== '/api/v1/me/notification-preferences') return;
      const auth = res.request().headers().authorization;
      if (auth) token = auth.replace(/^Bearer /, '');
    });
  });

  step(
    'when the service worker is asked for, then it is served from the root, uncached',
    async () => {
      const res = await fetch(`${ctx.server.baseUrl}/sw.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      await expect(res.text()).resolves.toMatch(/addEventListener\([`'"]push[`'"]/);
    },
  );

  step('when notifications are allowed, then the control offers to turn push on', async () => {
    await ctx.context.grantPermissions(['notifications'], { origin: ctx.server.baseUrl });
    await registerWithStore(ctx, owner, 'Storm Bakery');
    await page.goto(`${ctx.server.baseUrl}/notifications`);
    await heading('Notifications').waitFor();
    await control().getByText('Off: this device does not show push notifications.').waitFor();
    await page.getByRole('combobox', { name: 'Out of stock: by push' }).waitFor();
    await expectAccessible(page, 'notifications with push');
  });

  step(
    'when push is turned on, then the service worker is registered at the root, and the screen and the server agree',
    async () => {
      await control().getByRole('button', { name: 'Turn on push on this device' }).click();
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(`${ctx.server.baseUrl}/`);
      // Either the browser reached its push service (on) or it could not (an error, still off).
      await page.waitForFunction(
        () =>
          document.querySelector('[data-state="on"]') ||
          document.querySelector('section[aria-labelledby="push-device-heading"] [role="alert"]'),
      );
      const subscriptions = await mySubscriptions();
      if ((await stateOf()) === 'on') {
        expect(subscriptions).toHaveLength(1);
        await control().getByRole('button', { name: 'Turn off push on this device' }).click();
        await control().getByText('Off: this device does not show push notifications.').waitFor();
        await expect(mySubscriptions()).resolves.toEqual([]);
      } else {
        console.log('No push service reachable from this browser: subscribing was refused');
        expect(await stateOf()).toBe('off');
        expect(subscriptions).toEqual([]);
      }
    },
  );

  step(
    'when a push arrives, then the service worker shows its title, body and tag, with the url',
    async () => {
      const cdp = await ctx.context.newCDPSession(page);
      const registrations = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) =>
        registrations.push(...e.registrations),
      );
      await cdp.send('ServiceWorker.enable');
      // The page's own 15 s: on a loaded machine the worker's report and the push take seconds.
      const deadline = Date.now() + 15_000;
      while (!registrations.some((r) => r.scopeURL === `${ctx.server.baseUrl}/`)) {
        if (Date.now() > deadline) throw new Error('no service worker registration reported');
        await new Promise((r) => setTimeout(r, 50));
      }
      const { registrationId } = registrations.find((r) => r.scopeURL === `${ctx.server.baseUrl}/`);
      const message = {
        title: 'Yeast is out of stock',
        body: 'Storm Bakery',
        url: '/stores/abc/products/def',
        tag: 'alert-123',
      };
      await cdp.send('ServiceWorker.deliverPushMessage', {
        origin: ctx.server.baseUrl,
        registrationId,
        data: JSON.stringify(message),
      });
      const shown = () =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
            title: n.title,
            body: n.body,
            tag: n.tag,
            url: n.data.url,
          })),
        );
      const until = Date.now() + 15_000;
      while ((await shown()).length === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await shown()).toEqual([message]);
      await cdp.detach();
    },
  );

  step(
    'when the user refuses the browser’s prompt, then the control says push is blocked here',
    async () => {
      // Back to "ask": headless chromium answers the permission prompt with a refusal.
      await ctx.context.clearPermissions();
      await page.reload();
      await heading('Notifications').waitFor();
      await control().getByText('Off: this device does not show push notifications.').waitFor();
      await control().getByRole('button', { name: 'Turn on push on this device' }).click();
      await control()
        .getByRole('alert')
        .filter({ hasText: 'Notifications are blocked for this site' })
        .waitFor();
      await control()
        .getByText(/^Blocked: notifications are blocked for this site/)
        .waitFor();
      await expect(control().getByRole('button').count()).resolves.toBe(0);
      await expect(mySubscriptions()).resolves.toEqual([]);
      // And so it stays on the next visit.
      await page.reload();
      await control()
        .getByText(/^Blocked: notifications are blocked for this site/)
        .waitFor();
    },
  );
});
