// Starts the real built API (which also serves web/dist) on a free port with a fresh database.
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const serverMain = path.join(repoRoot, 'server', 'dist', 'main.js');
const webIndex = path.join(repoRoot, 'web', 'dist', 'index.html');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A database name of our own on the server at `baseUrl`. */
function databaseUrl(baseUrl, name) {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(baseUrl, text) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/**
 * The migrated template every server's database is cloned from (`CREATE DATABASE … TEMPLATE`
 * takes a fraction of a second; migrating takes a few). Made once per run by the global setup;
 * its name travels to the test files in `NIMBUS_E2E_TEMPLATE`.
 */
async function createTemplate(baseUrl) {
  const { Pool } = require('pg');
  const name = `nimbus_e2e_tpl_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const pool = new Pool({ connectionString: databaseUrl(baseUrl, name), max: 1 });
  try {
    await require(path.join(repoRoot, 'server', 'dist', 'db', 'migrate.js')).migrate(pool);
  } finally {
    await pool.end();
  }
  return { name, drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** With DATABASE_URL set, each server gets its own database on that server, dropped at the end. */
async function createDatabase(baseUrl) {
  const name = `nimbus_e2e_${crypto.randomBytes(6).toString('hex')}`;
  const template = process.env.NIMBUS_E2E_TEMPLATE;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const drop = () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // A throwaway database: its commits need not wait for the WAL to reach the disk (as in the
  // API tests' server/src/test/db.ts). Atomicity and constraints are unchanged.
  const url = new URL(databaseUrl(baseUrl, name));
  url.searchParams.set('options', '-c synchronous_commit=off');
  return { url: url.toString(), drop };
}

async function waitForReady(baseUrl, child, output, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/v1/health/readiness`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${output.join('')}`);
}

/** `env` overrides the defaults below (e.g. a short ACCESS_TOKEN_TTL to exercise refresh). */
async function startServer({ env: overrides = {} } = {}) {
  for (const [file, hint] of [
    [serverMain, 'npm run build -w server'],
    [webIndex, 'npm run build -w web'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`${hint}\` first.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nimbus-e2e-'));
  // mkdtemp makes the directory 0700; as root the embedded PostgreSQL runs initdb as the
  // `postgres` user, which must be able to reach DATA_DIR/pg inside it.
  fs.chmodSync(dataDir, 0o755);
  const database = process.env.DATABASE_URL
    ? await createDatabase(process.env.DATABASE_URL)
    : undefined;
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'true',
    // Rate-limit counters and cache entries in a shared Redis stay this server's own.
    REDIS_KEY_PREFIX: `nimbus-e2e:${crypto.randomBytes(4).toString('hex')}:`,
    ...overrides,
  };
  delete env.DATABASE_URL;
  if (database) env.DATABASE_URL = database.url;

  // The output goes to a file as well, for a journey that shares this server (`attachServer`).
  const logFile = path.join(dataDir, 'server.log');
  const logStream = fs.createWriteStream(logFile);
  const output = [];
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output.push(chunk.toString());
      logStream.write(chunk);
    });
  }
  const baseUrl = `http://127.0.0.1:${port}`;

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise((resolve) => logStream.end(resolve));
    await database?.drop().catch((err) => console.warn(`Could not drop the e2e database: ${err}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitForReady(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  const descriptor = { baseUrl, databaseUrl: database?.url, dataDir, logFile };
  return { ...handle(descriptor, () => output.join('')), stop, descriptor };
}

/**
 * What a journey uses of a server: its address, `sql` for one statement on its database (for
 * history a journey cannot make through the screens or the API: a product that was on the
 * shelf yesterday) and its log. The embedded PostgreSQL is found from the data folder: its port
 * in postmaster.pid, its generated password.
 */
function handle({ baseUrl, databaseUrl: url, dataDir }, log) {
  async function sql(text, params = []) {
    const { Client } = require('pg');
    let connectionString = url;
    if (!connectionString) {
      const pid = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
      const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
      connectionString = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pid[3].trim()}/nimbus`;
    }
    const client = new Client({ connectionString });
    await client.connect();
    try {
      return (await client.query(text, params)).rows;
    } finally {
      await client.end();
    }
  }
  return { baseUrl, sql, log };
}

/**
 * The server the global setup started for every journey that needs no environment of its own
 * (`NIMBUS_E2E_SHARED` holds its descriptor); undefined when there is none (a file run alone
 * outside jest's setup). Stopping it is the global teardown's work.
 */
function attachServer() {
  const shared = process.env.NIMBUS_E2E_SHARED;
  if (!shared) return undefined;
  const descriptor = JSON.parse(shared);
  const log = () => {
    try {
      return fs.readFileSync(descriptor.logFile, 'utf8');
    } catch {
      return '';
    }
  };
  return { ...handle(descriptor, log), stop: async () => undefined };
}

module.exports = { startServer, attachServer, createTemplate, repoRoot };
