// Once per browser run: the migrated template every server's database is cloned from (with
// DATABASE_URL), and one server shared by every journey that needs no environment of its own.
// Journeys keep apart as users do: each registers its own users and stores.
const { createTemplate, startServer } = require('./server.cjs');

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) {
    const template = await createTemplate(process.env.DATABASE_URL);
    process.env.NIMBUS_E2E_TEMPLATE = template.name;
    globalThis.nimbusE2eTemplate = template;
  }
  const shared = await startServer({
    // Every journey signs in from this machine's one address: the per-address limit on auth
    // requests is each journey's own on a server of its own, not the sum of all of them here.
    env: { RATE_LIMIT_AUTH_MAX: '100000' },
  });
  process.env.NIMBUS_E2E_SHARED = JSON.stringify(shared.descriptor);
  globalThis.nimbusE2eShared = shared;
};
