import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, memberOf, storeWithMember } from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';

const t = useTestApp();

test('when a recalculation is queued and run, then every active product gets a stored forecast and prediction, and a sudden spike is a stored anomaly', async () => {
  const s = await storeWithMember(t, 'employee');
  const admin = await memberOf(t, s.storeId, 'admin');
  const supplier = await createSupplier(admin, { leadTimeDays: 3 });
  const steady = await createProduct(admin, {
    name: 'Steady',
    initialQuantity: 50,
    supplierId: supplier.id,
  });
  const spiky = await createProduct(admin, { name: 'Spiky', initialQuantity: 50 });
  const young = await createProduct(admin, { name: 'Young', initialQuantity: 5 });
  const retired = await createProduct(admin, { name: 'Retired', active: false });
  await sellDaily(t, s, steady.id, weeklyPattern(120, 6));
  // 4 a day for months, then 40 three days ago.
  await sellDaily(t, s, spiky.id, [...new Array(117).fill(4), 40, 4, 4]);
  await sellDaily(t, s, young.id, [1, 2]);

  const res = await s.api.post(`${s.url}/forecasts/recalculate`).set(s.auth).send({}).expect(202);
  const { jobId } = res.body.data;
  // A second click while it waits follows the same job.
  const again = await s.api.post(`${s.url}/forecasts/recalculate`).set(s.auth).send({}).expect(202);
  expect(again.body.data.jobId).toBe(jobId);
  await t.services.jobs.drain();
  const job = (await s.api.get(`${s.url}/jobs/${jobId}`).set(s.auth).expect(200)).body.data;
  expect(job).toEqual(
    expect.objectContaining({
      type: 'forecasting.recalculate',
      status: 'succeeded',
      progress: 100,
    }),
  );

  const { rows: forecasts } = await t.db.pool.query(
    `SELECT product_id, status, cardinality(mean) AS days, sigma IS NOT NULL AS has_sigma
     FROM product_forecasts WHERE store_id = $1 ORDER BY status, product_id`,
    [s.storeId],
  );
  expect(forecasts).toEqual(
    expect.arrayContaining([
      { product_id: steady.id, status: 'ok', days: 90, has_sigma: true },
      { product_id: spiky.id, status: 'ok', days: 90, has_sigma: true },
      { product_id: young.id, status: 'insufficient_history', days: 0, has_sigma: false },
    ]),
  );
  expect(forecasts.map((f) => f.product_id)).not.toContain(retired.id);

  const stored = await s.api
    .get(`${s.url}/predictions?productIds=${steady.id},${spiky.id},${young.id},${retired.id}`)
    .set(s.auth)
    .expect(200);
  expect(stored.body.data.map((p: { productId: string }) => p.productId).sort()).toEqual(
    [steady.id, spiky.id, young.id].sort(),
  );
  const steadyPrediction = stored.body.data.find(
    (p: { productId: string }) => p.productId === steady.id,
  );
  expect(steadyPrediction.reorder).toEqual(
    expect.objectContaining({ method: 'forecast+supplier_terms', leadTimeDays: 3 }),
  );

  const anomalies = (
    await s.api.get(`${s.url}/anomalies?type=demand_spike`).set(s.auth).expect(200)
  ).body.data;
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  expect(anomalies).toContainEqual(
    expect.objectContaining({
      type: 'demand_spike',
      productId: spiky.id,
      productName: 'Spiky',
      date: threeDaysAgo,
      observed: 40,
      severity: 'high',
      supplierId: null,
      suggestedAction: expect.stringMatching(/promotion/),
    }),
  );
});

test('when a viewer or an outsider asks for a recalculation, then it is 403 and nothing is queued', async () => {
  const s = await storeWithMember(t);
  const viewer = await memberOf(t, s.storeId, 'viewer');
  const outsider = await storeWithMember(t);
  await viewer.api.post(`${s.url}/forecasts/recalculate`).set(viewer.auth).send({}).expect(403);
  await outsider.api.post(`${s.url}/forecasts/recalculate`).set(outsider.auth).send({}).expect(403);
  const { rows } = await t.db.pool.query(
    `SELECT count(*)::int AS n FROM jobs WHERE store_id = $1`,
    [s.storeId],
  );
  expect(rows[0].n).toBe(0);
});
