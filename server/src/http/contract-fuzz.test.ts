import fc from 'fast-check';
import request from 'supertest';
import { useTestApp } from '../test/app';
import { operations, type Operation } from '../test/fuzz/operations';
import { requestFor, type FuzzRequest } from '../test/fuzz/requests';
import { loadGenerator } from '../test/fuzz/values';
import { buildWorld, type World } from '../test/fuzz/world';
import { assertMatchesSpec } from '../test/openapi';

/*
 * The contract fuzzer: for every operation in openapi.yaml, requests generated from the
 * contract (json-schema-faker for the values it describes, fast-check to pick, spoil and
 * replay them), malformed multipart bodies included. No answer may be a 5xx, and every answer
 * must be one the contract documents, with a body of its schema. A failure prints the request.
 *
 * FUZZ_HEAVY=1 runs ten times the cases with larger values and files; FUZZ_SEED replays a run.
 */
const HEAVY = process.env.FUZZ_HEAVY === '1';
const RUNS = HEAVY ? 300 : 30;
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
vi.setConfig({ testTimeout: HEAVY ? 1_800_000 : 120_000 });

const t = useTestApp({ RATE_LIMIT_API_MAX: '10000000', RATE_LIMIT_HEAVY_MAX: '10000000' });
let world: World;
beforeAll(async () => {
  await loadGenerator();
  world = await buildWorld(t);
});

/** Operations that end the store or the session run last, so the others keep their world. */
const LAST = ['DELETE /api/v1/stores/{storeId}', 'POST /api/v1/auth/change-password'];
const ops = operations().sort(
  (a, b) => Number(LAST.includes(a.name)) - Number(LAST.includes(b.name)),
);

function send(r: FuzzRequest) {
  let req = request(t.app)[r.method](r.url);
  for (const [name, value] of Object.entries(r.headers)) req = req.set(name, value);
  return r.raw ? req.set('Content-Type', r.raw.contentType).send(r.raw.body) : req;
}

const shown = (r: FuzzRequest) =>
  JSON.stringify({
    ...r,
    raw: r.raw && { ...r.raw, body: r.raw.body.toString('latin1').slice(0, 600) },
  }).slice(0, 2000);

test('the fuzzer covers every documented operation', () => {
  expect(ops.length).toBeGreaterThan(90);
  expect(Object.values(world.ids).filter(Boolean).length).toBeGreaterThanOrEqual(14);
});

describe.each(ops.map((op) => [op.name, op] as [string, Operation]))('%s', (_name, op) => {
  test(`${RUNS} generated requests: no 5xx, every answer in the contract`, async () => {
    await fc.assert(
      fc.asyncProperty(requestFor(op, world, HEAVY), async (r) => {
        const res = await send(r);
        if (res.status >= 500)
          throw new Error(`${res.status} for ${shown(r)}\n→ ${String(res.text).slice(0, 400)}`);
        try {
          assertMatchesSpec(res);
        } catch (err) {
          throw new Error(`${(err as Error).message}\nfor ${shown(r)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
