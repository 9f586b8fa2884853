import { rm } from 'node:fs/promises';
import { Client } from 'pg';

export default async function globalTeardown() {
  const contract = process.env.NIMBUS_TEST_OPENAPI_JSON;
  if (contract) await rm(contract, { force: true });
  const adminUrl = process.env.NIMBUS_TEST_ADMIN_URL;
  const template = process.env.NIMBUS_TEST_TEMPLATE;
  if (adminUrl && template) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  }
  const embedded = (globalThis as Record<string, unknown>).__nimbusEmbedded as
    { stop(): Promise<void>; dir: string } | undefined;
  if (embedded) {
    await embedded.stop();
    await rm(embedded.dir, { recursive: true, force: true });
  }
}
