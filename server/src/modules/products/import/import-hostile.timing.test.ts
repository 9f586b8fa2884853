import request from 'supertest';
import { useTestApp } from '../../../test/app';
import { countRows, storeWithMember, type StoreMember } from '../../../test/factories';
import { uploadProducts } from '../../../test/requests';
import {
  eventLoopDelayDuring,
  loadedDelayBound,
  str,
  understate,
  xlsxOfRows,
} from '../../../test/spreadsheets';

/*
 * Files built to hurt: each must be refused or queued at once, store nothing it should not,
 * and leave the event loop free. The delay bound is what a liveness probe would feel: a parse
 * that blocked the loop would stall it for seconds. It is `loadedDelayBound` of the delay
 * measured at rest in this same file, with the same liveness probes and no file (`beforeAll`
 * below), so a slower or busier machine moves the bound with it instead of failing the test.
 */
let MAX_DELAY_MS = 250;
vi.setConfig({ testTimeout: 180_000 });

const t = useTestApp();

/** Runs the queued jobs while probing liveness; returns the event loop's delay meanwhile. */
async function drainWatched() {
  let done = false;
  const probes: number[] = [];
  const delay = await eventLoopDelayDuring(async () => {
    const drained = t.services.jobs.drain().finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      await request(t.app).get('/api/v1/health/liveness').expect(200);
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
    await drained;
  });
  return { ...delay, probes };
}

beforeAll(async () => {
  const { p99Ms } = await eventLoopDelayDuring(async () => {
    const until = performance.now() + 1000;
    while (performance.now() < until) {
      await request(t.app).get('/api/v1/health/liveness').expect(200);
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  MAX_DELAY_MS = loadedDelayBound(p99Ms);
  process.stdout.write(
    `import-hostile: delay p99 at rest ${p99Ms.toFixed(1)} ms → bound ${MAX_DELAY_MS.toFixed(1)} ms\n`,
  );
});

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** Uploads a file that must be queued (202 in `ms`), runs the job watched, and reads it back. */
async function importAsJob(s: StoreMember, file: Buffer, name: string) {
  const { result: res, ms } = await timed(() => uploadProducts(s, file, name).expect(202));
  const jobId: string = res.body.data.jobId;
  const watched = await drainWatched();
  const job = (await t.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200)).body.data;
  return { ...watched, ms, jobId, job };
}

const rows300k = (row: (n: number) => string) =>
  (function* () {
    yield `<row r="1">${str('A1', 'sku')}${str('B1', 'name')}${str('C1', 'price')}</row>`;
    for (let n = 2; n <= 300_001; n++) yield row(n);
  })();

test.each(['csv', 'xlsx'])(
  'when a 300k-row %s import runs as a job, then the event loop stays free and liveness answers throughout',
  async (format) => {
    const s = await storeWithMember(t);
    // Rows the schema refuses: the job does no database work per row, so it is the
    // reading of 300k rows the event loop would feel, not 300k inserts.
    const file =
      format === 'csv'
        ? Buffer.from(
            [
              'sku,name,price',
              ...Array.from({ length: 300_000 }, (_, i) => `S-${i},Item ${i},n/a`),
            ].join('\n'),
          )
        : await xlsxOfRows(
            rows300k(
              (n) =>
                `<row r="${n}">${str(`A${n}`, `S-${n}`)}${str(`B${n}`, `Item ${n}`)}${str(`C${n}`, 'n/a')}</row>`,
            ),
          );
    const {
      job: done,
      ms,
      p99Ms,
      maxMs,
      histogramP99Ms,
      probes,
    } = await importAsJob(s, file, `big.${format}`);
    process.stdout.write(
      `${format} 300k: ${(file.length / 1e6).toFixed(1)} MB, 202 in ${ms.toFixed(0)} ms; ` +
        `wait p99 ${p99Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms (histogram p99 ${histogramP99Ms.toFixed(1)} ms); ` +
        `${probes.length} liveness probes, slowest ${Math.max(...probes).toFixed(1)} ms\n`,
    );
    expect(done).toEqual(expect.objectContaining({ status: 'succeeded', progress: 100 }));
    expect(done.result.summary).toEqual(
      expect.objectContaining({ total: 300_000, failed: 300_000, created: 0 }),
    );
    expect(done.result.errors).toHaveLength(1000);
    expect(done.result.errors[0]).toEqual(
      expect.objectContaining({ row: 2, field: 'price', message: 'must be a number' }),
    );
    expect(await countRows(t, 'products', s.storeId)).toBe(0);
    expect(probes.length).toBeGreaterThan(0);
    expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
  },
);

test('when 300k rows reach column XFD, then the job fails at the first such row, once, with nothing stored', async () => {
  const s = await storeWithMember(t);
  const file = await xlsxOfRows(
    rows300k((n) => `<row r="${n}">${str(`A${n}`, `Item ${n}`)}<c r="XFD${n}"><v>1</v></c></row>`),
  );
  const { job: failed, jobId, ms, p99Ms } = await importAsJob(s, file, 'wide.xlsx');
  expect(failed.status).toBe('failed');
  expect(failed.error).toMatch(
    /Row 2 has a value in column XFD; an import reads at most 100 columns/,
  );
  const { rows } = await t.db.pool.query('SELECT attempts FROM jobs WHERE id = $1', [jobId]);
  expect(rows[0].attempts).toBe(1);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
  process.stdout.write(
    `XFD 300k: ${(file.length / 1e6).toFixed(1)} MB, 202 in ${ms.toFixed(0)} ms\n`,
  );
});

/** One cell of 120 MB of the same letter: ~120 KB zipped. */
const bombRows = () =>
  (function* () {
    yield `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
    for (let i = 0; i < 120; i++) yield 'a'.repeat(1 << 20);
    yield '</t></is></c><c r="B2"><v>1</v></c></row>';
  })();

test('when a small XLSX holds one cell that unpacks to 120 MB, then it is a 422 before anything is inflated', async () => {
  const s = await storeWithMember(t);
  const file = await xlsxOfRows(bombRows());
  expect(file.length).toBeLessThan(256 * 1024);
  const { result, p99Ms } = await eventLoopDelayDuring(() =>
    timed(() => uploadProducts(s, file, 'bomb.xlsx').expect(422)),
  );
  expect(result.result.body.error).toEqual(
    expect.objectContaining({ code: 'UNPROCESSABLE', message: expect.stringMatching(/zip bomb/) }),
  );
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
  process.stdout.write(`zip bomb: ${file.length} bytes, 422 in ${result.ms.toFixed(0)} ms\n`);
});

test('when a workbook understates its unpacked size, then reading stops at the declared size: 422, nothing stored', async () => {
  const s = await storeWithMember(t);
  // 70 MB of rows (a name, no price) that the zip directory says are 500 KB.
  const rows = (function* () {
    yield `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row>`;
    for (let i = 0; i < 1_500_000; i++) yield '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  })();
  const file = understate(await xlsxOfRows(rows), 'xl/worksheets/sheet1.xml', 500_000);
  expect(file.length).toBeLessThan(256 * 1024);
  const { result, p99Ms } = await eventLoopDelayDuring(() =>
    uploadProducts(s, file, 'liar.xlsx').expect(422),
  );
  expect(result.body.error.message).toMatch(/could not be read: .*too many bytes/);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
});

test('when an XLSX has 100k empty rows, then 202 comes at once and the job finds no product rows', async () => {
  const s = await storeWithMember(t);
  const file = await xlsxOfRows(
    (function* () {
      yield `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row>`;
      for (let n = 2; n <= 100_001; n++) yield `<row r="${n}"><c r="A${n}"/><c r="B${n}"/></row>`;
    })(),
  );
  const { job: done, ms, p99Ms } = await importAsJob(s, file, 'empty.xlsx');
  expect(done.status).toBe('succeeded');
  expect(done.result.summary).toEqual(expect.objectContaining({ total: 0, failed: 0 }));
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
  process.stdout.write(`100k empty XLSX rows: ${file.length} bytes, 202 in ${ms.toFixed(0)} ms\n`);
});

test('when a CSV has 100k rows of bare commas, then 202 comes at once and the job finds no product rows', async () => {
  const s = await storeWithMember(t);
  const file = Buffer.from(`name,price\n${',\n'.repeat(100_000)}`);
  const { job: done, ms, p99Ms } = await importAsJob(s, file, 'commas.csv');
  expect(done.status).toBe('succeeded');
  expect(done.result.summary).toEqual(expect.objectContaining({ total: 0, failed: 0 }));
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
  process.stdout.write(`100k comma rows: ${file.length} bytes, 202 in ${ms.toFixed(0)} ms\n`);
});

test('when a worksheet nests its XML 100,000 elements deep, then it is a 422 naming the limit as the elements open, nothing stored', async () => {
  const s = await storeWithMember(t);
  const file = await xlsxOfRows(
    (function* () {
      yield `<row r="1">${str('A1', 'name')}${str('B1', 'price')}</row><row r="2">`;
      for (let i = 0; i < 100; i++) yield '<x>'.repeat(1000);
      for (let i = 0; i < 100; i++) yield '</x>'.repeat(1000);
      yield '</row>';
    })(),
  );
  const { result, p99Ms } = await eventLoopDelayDuring(() =>
    uploadProducts(s, file, 'deep.xlsx').expect(422),
  );
  expect(result.body.error.message).toMatch(/nests its XML more than 64 elements deep/);
  expect(await countRows(t, 'products', s.storeId)).toBe(0);
  expect(p99Ms).toBeLessThan(MAX_DELAY_MS);
});
