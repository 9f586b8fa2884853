import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { adminQuery, startApiProcess, type ApiProcess } from './api-process';

/**
 * `npm run bench:import`: a product import of N generated rows (CSV, then XLSX, each into a
 * store of its own) through the API as a real server process (`dist/main.js`, on a fresh
 * database of DATABASE_URL's server) would run it: upload, 202, the job to its end. Then the
 * export of the same store, CSV and XLSX, read to its last byte. For each: seconds, rows/s
 * and the server process's peak resident memory (VmHWM, reset before each phase), with the
 * machine's load average before and after.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const MB = 1024 * 1024;

const status = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(
    new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1],
  ) * 1024;
/** Starts a new peak: Linux resets VmHWM to the current RSS on "5" (proc(5), clear_refs). */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/** A valid EAN-13 for n (check digit computed), unique per n. */
function ean13(n: number): string {
  const body = `20${String(n).padStart(10, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

const HEADER = [
  'SKU',
  'Name',
  'Price',
  'Cost',
  'Category',
  'Quantity',
  'Reorder Point',
  'Barcode',
  'Brand',
  'Description',
];
const rowOf = (i: number) => [
  `BENCH-${i}`,
  `Bench product ${i}`,
  ((i % 500) + 1) / 4,
  ((i % 500) + 1) / 8,
  `Category ${i % 40}`,
  i % 25,
  i % 7,
  ean13(i),
  `Brand ${i % 300}`,
  `Generated product number ${i} for the import bench`,
];

const csvOf = (rows: number) =>
  Buffer.from(
    [HEADER.join(','), ...Array.from({ length: rows }, (_, i) => rowOf(i).join(','))].join('\n'),
  );

async function xlsxOf(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: true,
  });
  const sheet = book.addWorksheet('Products');
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(rowOf(i)).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      formats: { type: 'string', default: 'csv,xlsx' },
      export: { type: 'boolean', default: true },
    },
  });
  const rows = Number(values.rows);
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set DATABASE_URL (and REDIS_URL if the server needs it)');
  say(`load average (1/5/15 min) before: ${load()}`);
  const name = `nimbus_import_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    REDIS_KEY_PREFIX: `nimbus-bench:${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://127.0.0.1',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DEMO_DATA: 'false',
    RATE_LIMIT_ENABLED: 'false',
  };
  let server: ApiProcess | undefined;
  try {
    server = await startApiProcess(env);
    const { base } = server;
    const pid = server.child.pid!;
    const json = async (res: Response) => {
      if (res.status >= 300) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { data: Record<string, unknown> }).data;
    };
    const account = {
      email: `import.bench.${Date.now()}@example.test`,
      password: 'Bench-the-import-7',
    };
    const session = await json(
      await fetch(`${base}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...account, name: 'Bench', storeName: 'Import Bench' }),
      }),
    );
    const auth = { Authorization: `Bearer ${session.accessToken as string}` };
    // An access token lasts minutes; a slow import outlives it: sign in again now and then.
    let signedInAt = performance.now();
    const fresh = async () => {
      if (performance.now() - signedInAt < 60_000) return auth;
      const again = await json(
        await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(account),
        }),
      );
      auth.Authorization = `Bearer ${again.accessToken as string}`;
      signedInAt = performance.now();
      return auth;
    };
    const newStore = async (storeName: string) => {
      const s = await json(
        await fetch(`${base}/api/v1/stores`, {
          method: 'POST',
          headers: { ...(await fresh()), 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: storeName }),
        }),
      );
      return `${base}/api/v1/stores/${s.id as string}`;
    };

    let exportStore: string | undefined;
    for (const format of values.formats.split(',') as Array<'csv' | 'xlsx'>) {
      const file = format === 'csv' ? csvOf(rows) : await xlsxOf(rows);
      const store = await newStore(`Import ${format}`);
      exportStore ??= store;
      await new Promise((r) => setTimeout(r, 500));
      resetPeak(pid);
      const rssBefore = status(pid, 'VmRSS');
      const started = performance.now();
      const form = new FormData();
      form.append('file', new Blob([file]), `bench.${format}`);
      const accepted = await json(
        await fetch(`${store}/products/import`, {
          method: 'POST',
          headers: await fresh(),
          body: form,
        }),
      );
      let job: Record<string, unknown> = accepted;
      while (job.status !== 'succeeded') {
        if (job.status === 'failed') throw new Error(`import failed: ${JSON.stringify(job)}`);
        await new Promise((r) => setTimeout(r, 250));
        job = await json(
          await fetch(`${store}/jobs/${accepted.jobId as string}`, { headers: await fresh() }),
        );
      }
      const seconds = (performance.now() - started) / 1000;
      const summary = (job.result as { summary: Record<string, number> }).summary;
      say(
        `import ${format.toUpperCase()} ${rows.toLocaleString('en-US')} rows (${(file.length / MB).toFixed(1)} MB): ` +
          `${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; ` +
          `server RSS ${(rssBefore / MB).toFixed(0)} MB before, peak ${(status(pid, 'VmHWM') / MB).toFixed(0)} MB; ` +
          `created ${summary.created}, failed ${summary.failed}; load ${load()}`,
      );
    }

    if (values.export && exportStore) {
      for (const format of ['csv', 'xlsx']) {
        await new Promise((r) => setTimeout(r, 500));
        resetPeak(pid);
        const rssBefore = status(pid, 'VmRSS');
        const started = performance.now();
        const res = await fetch(`${exportStore}/products/export?format=${format}`, {
          headers: await fresh(),
        });
        if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
        let bytes = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
          bytes += chunk.length;
        const seconds = (performance.now() - started) / 1000;
        say(
          `export ${format.toUpperCase()} ${rows.toLocaleString('en-US')} rows (${(bytes / MB).toFixed(1)} MB): ` +
            `${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s; ` +
            `server RSS ${(rssBefore / MB).toFixed(0)} MB before, peak ${(status(pid, 'VmHWM') / MB).toFixed(0)} MB; load ${load()}`,
        );
      }
    }
    say(`load average (1/5/15 min) after: ${load()}`);
  } finally {
    if (server) {
      const { child } = server;
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(0) : child.once('exit', r)));
    }
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
