// Stops the shared server and drops the template the global setup made.
module.exports = async function globalTeardown() {
  await globalThis.nimbusE2eShared?.stop();
  await globalThis.nimbusE2eTemplate
    ?.drop()
    .catch((err) => console.warn(`Could not drop the e2e template database: ${err}`));
};
