import { useTestApp } from '../../test/app';
import { createProduct, memberOf, quantityOf, storeWithMember } from '../../test/factories';
import { expectLedgerBalanced, feedOf } from '../../test/purchasing';
import { reportOf } from '../../test/reports';
import { getTransfer, postTransfer, transferAction, twoStores } from '../../test/transfers';

/** Stock transfers between two stores: the document, the two ledgers and both stores' events. */
const t = useTestApp();

type Line = { id: string; sku: string; quantity: number };

const reasonsOf = async (storeId: string, transferId: string) =>
  (
    await t.db.pool.query<{ product_id: string; delta: number; reason: string }>(
      `SELECT product_id, delta, reason FROM stock_movements
       WHERE store_id = $1 AND reference_type = 'stock_transfer' AND reference_id = $2
       ORDER BY created_at, delta`,
      [storeId, transferId],
    )
  ).rows;

test('when a manager sends a transfer and the other store receives it all, then the units leave one ledger, are in transit on both sides, and enter the other', async () => {
  const { a, b, tea, cups, teaB, cupsB } = await twoStores(t);
  const created = await postTransfer(a, {
    toStoreId: b.storeId,
    note: 'Weekend stock',
    lines: [
      { productId: tea.id, quantity: 4 },
      { productId: cups.id, quantity: 15 },
    ],
  }).expect(201);
  const draft = created.body.data;
  expect(draft).toEqual(
    expect.objectContaining({
      status: 'draft',
      direction: 'outgoing',
      units: 19,
      unitsInTransit: 0,
    }),
  );
  expect(draft.toStore).toEqual({ id: b.storeId, name: expect.any(String) });
  // A draft moves nothing and is the sender's own.
  expect(await quantityOf(t, tea.id)).toBe(10);
  await getTransfer(b, draft.id).expect(404);

  const sent = (await transferAction(a, draft.id, 'send').expect(200)).body.data;
  expect(sent).toEqual(expect.objectContaining({ status: 'sent', unitsInTransit: 19 }));
  expect(sent.lines.map((l: { toProductId: string }) => l.toProductId)).toEqual([
    teaB.id,
    cupsB.id,
  ]);
  expect(await quantityOf(t, tea.id)).toBe(6);
  expect(await quantityOf(t, cups.id)).toBe(25);
  expect(await quantityOf(t, teaB.id)).toBe(2);
  // In transit, seen from both stores.
  const incoming = await b.api.get(`${b.url}/transfers?direction=incoming`).set(b.auth).expect(200);
  expect(incoming.body.data).toEqual([
    expect.objectContaining({
      id: draft.id,
      direction: 'incoming',
      status: 'sent',
      unitsInTransit: 19,
    }),
  ]);
  const outgoing = await a.api.get(`${a.url}/transfers?status=sent`).set(a.auth).expect(200);
  expect(outgoing.body.data.map((x: { id: string }) => x.id)).toEqual([draft.id]);

  const lines = sent.lines as Line[];
  const received = await transferAction(b, draft.id, 'receive', {
    lines: lines.map((l) => ({ lineId: l.id, receivedQuantity: l.quantity })),
  }).expect(200);
  expect(received.body.data).toEqual(
    expect.objectContaining({ status: 'received', direction: 'incoming', unitsInTransit: 0 }),
  );
  expect(received.body.data.lines.map((l: { difference: number }) => l.difference)).toEqual([0, 0]);
  expect(await quantityOf(t, teaB.id)).toBe(6);
  expect(await quantityOf(t, cupsB.id)).toBe(15);
  expect(await quantityOf(t, tea.id)).toBe(6);

  expect((await reasonsOf(a.storeId, draft.id)).map((m) => [m.reason, m.delta])).toEqual(
    expect.arrayContaining([
      ['transfer_out', -4],
      ['transfer_out', -15],
    ]),
  );
  expect((await reasonsOf(b.storeId, draft.id)).map((m) => [m.reason, m.delta]).sort()).toEqual([
    ['transfer_in', 15],
    ['transfer_in', 4],
  ]);
  // Received at the cost it left at: B's cups had no cost, now 0.25.
  const cupsThere = await b.api.get(`${b.url}/products/${cupsB.id}`).set(b.auth).expect(200);
  expect(cupsThere.body.data.quantity).toBe(15);
  await expectLedgerBalanced(t, a.storeId);
  await expectLedgerBalanced(t, b.storeId);

  // Both stores were told of each step they take part in.
  const changes = async (s: typeof a) =>
    (await feedOf(s, 'transfer.updated')).map((p: { change: string }) => p.change);
  expect(await changes(a)).toEqual(['created', 'sent', 'received']);
  expect(await changes(b)).toEqual(['sent', 'received']);
  // The movement history names the reason.
  const history = await a.api
    .get(`${a.url}/products/${tea.id}/movements?reason=transfer_out`)
    .set(a.auth)
    .expect(200);
  expect(history.body.data).toHaveLength(1);
});

test('when fewer units arrive than were sent, then only those counted come in and the difference stays on the line', async () => {
  const { a, b, tea, cups, teaB, cupsB } = await twoStores(t);
  const id = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [
        { productId: tea.id, quantity: 5 },
        { productId: cups.id, quantity: 10 },
      ],
    }).expect(201)
  ).body.data.id;
  const lines = (await transferAction(a, id, 'send').expect(200)).body.data.lines as Line[];

  // Every line must be counted, never more than was sent.
  const missing = await transferAction(b, id, 'receive', {
    lines: [{ lineId: lines[0]!.id, receivedQuantity: 5 }],
  }).expect(400);
  expect(missing.body.error.details[0].message).toContain('CUP-1');
  const over = await transferAction(b, id, 'receive', {
    lines: [
      { lineId: lines[0]!.id, receivedQuantity: 6 },
      { lineId: lines[1]!.id, receivedQuantity: 10 },
    ],
  }).expect(400);
  expect(over.body.error.details[0]).toEqual(
    expect.objectContaining({ field: 'lines.0.receivedQuantity' }),
  );
  expect(await quantityOf(t, teaB.id)).toBe(2);

  const done = await transferAction(b, id, 'receive', {
    note: 'One box crushed',
    lines: [
      { lineId: lines[0]!.id, receivedQuantity: 3 },
      { lineId: lines[1]!.id, receivedQuantity: 0 },
    ],
  }).expect(200);
  expect(done.body.data.receiveNote).toBe('One box crushed');
  expect(
    done.body.data.lines.map((l: { receivedQuantity: number; difference: number }) => [
      l.receivedQuantity,
      l.difference,
    ]),
  ).toEqual([
    [3, 2],
    [0, 10],
  ]);
  expect(await quantityOf(t, teaB.id)).toBe(5);
  expect(await quantityOf(t, cupsB.id)).toBe(0);
  expect(await quantityOf(t, tea.id)).toBe(5);
  // Received once: again is 409, and nothing moves.
  const again = await transferAction(b, id, 'receive', {
    lines: lines.map((l) => ({ lineId: l.id, receivedQuantity: 1 })),
  }).expect(409);
  expect(again.body.error.code).toBe('INVALID_STATE');
  expect(await quantityOf(t, teaB.id)).toBe(5);
});

test('when a sent transfer is cancelled, then its units come back to the store they left; a received one cannot be cancelled', async () => {
  const { a, b, tea } = await twoStores(t);
  const id = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [{ productId: tea.id, quantity: 7 }],
    }).expect(201)
  ).body.data.id;
  await transferAction(a, id, 'send').expect(200);
  expect(await quantityOf(t, tea.id)).toBe(3);
  // The receiving store cannot cancel, nor the sender receive.
  await transferAction(b, id, 'cancel').expect(403);
  await transferAction(a, id, 'receive', { lines: [{ lineId: id, receivedQuantity: 1 }] }).expect(
    403,
  );

  const cancelled = await transferAction(a, id, 'cancel').expect(200);
  expect(cancelled.body.data).toEqual(
    expect.objectContaining({ status: 'cancelled', unitsInTransit: 0 }),
  );
  expect(await quantityOf(t, tea.id)).toBe(10);
  expect((await reasonsOf(a.storeId, id)).map((m) => [m.reason, m.delta])).toEqual([
    ['transfer_out', -7],
    ['transfer_in', 7],
  ]);
  expect((await transferAction(a, id, 'cancel').expect(409)).body.error.code).toBe('INVALID_STATE');
  await transferAction(a, id, 'send').expect(409);
  const lines = (await getTransfer(b, id).expect(200)).body.data.lines as Line[];
  await transferAction(b, id, 'receive', {
    lines: [{ lineId: lines[0]!.id, receivedQuantity: 7 }],
  }).expect(409);
  expect(await quantityOf(t, tea.id)).toBe(10);
  await expectLedgerBalanced(t, a.storeId);

  // A draft cancels without moving anything.
  const draft = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [{ productId: tea.id, quantity: 1 }],
    }).expect(201)
  ).body.data.id;
  await transferAction(a, draft, 'cancel').expect(200);
  expect(await reasonsOf(a.storeId, draft)).toEqual([]);
});

test('when a product has no SKU match in the other store, then sending is 400 naming the SKUs and nothing moves', async () => {
  const { a, b, tea } = await twoStores(t);
  const honey = await createProduct(a, { sku: 'HON-9', name: 'Honey', initialQuantity: 3 });
  const jam = await createProduct(a, { sku: 'JAM-2', name: 'Jam', initialQuantity: 3 });
  const id = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [
        { productId: tea.id, quantity: 1 },
        { productId: honey.id, quantity: 1 },
        { productId: jam.id, quantity: 1 },
      ],
    }).expect(201)
  ).body.data.id;
  const res = await transferAction(a, id, 'send').expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(res.body.error.message).toContain('HON-9, JAM-2');
  expect(res.body.error.details.map((d: { message: string }) => d.message.split(' ')[0])).toEqual([
    'HON-9',
    'JAM-2',
  ]);
  expect(await quantityOf(t, tea.id)).toBe(10);
  expect((await getTransfer(a, id).expect(200)).body.data.status).toBe('draft');
});

test('when two transfers of the last units are sent at once, then one is sent and the other is 409 INSUFFICIENT_STOCK', async () => {
  const { a, b, tea } = await twoStores(t);
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    ids.push(
      (
        await postTransfer(a, {
          toStoreId: b.storeId,
          lines: [{ productId: tea.id, quantity: 8 }],
        }).expect(201)
      ).body.data.id,
    );
  }
  const answers = await Promise.all(ids.map((id) => transferAction(a, id, 'send')));
  expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  const refused = answers.find((r) => r.status === 409)!;
  expect(refused.body.error.code).toBe('INSUFFICIENT_STOCK');
  expect(refused.body.error.details).toEqual([{ productId: tea.id, requested: 8, available: 2 }]);
  expect(await quantityOf(t, tea.id)).toBe(2);
  await expectLedgerBalanced(t, a.storeId);
});

test('when people without the right role or membership try, then creating and sending need a manager of the sender, receiving a member of the receiver, and other stores see nothing', async () => {
  const { a, b, tea } = await twoStores(t, 'viewer');
  // An employee of the sending store cannot write or send transfers.
  const clerk = await memberOf(t, a.storeId, 'employee');
  const refused = await postTransfer(clerk, {
    toStoreId: b.storeId,
    lines: [{ productId: tea.id, quantity: 1 }],
  }).expect(403);
  expect(refused.body.error.message).toContain('inventory:transfer');
  // A manager of the sender who is not a member of the other store: as if it did not exist.
  const stranger = await memberOf(t, a.storeId, 'manager');
  await postTransfer(stranger, {
    toStoreId: b.storeId,
    lines: [{ productId: tea.id, quantity: 1 }],
  }).expect(404);
  // Not to itself, and only its own products.
  await postTransfer(a, {
    toStoreId: a.storeId,
    lines: [{ productId: tea.id, quantity: 1 }],
  }).expect(400);
  const elsewhere = await storeWithMember(t, 'admin');
  const theirs = await createProduct(elsewhere, { sku: 'TEA-1', initialQuantity: 5 });
  const notOurs = await postTransfer(a, {
    toStoreId: b.storeId,
    lines: [{ productId: theirs.id, quantity: 1 }],
  }).expect(400);
  expect(notOurs.body.error.details[0].field).toBe('lines.0.productId');

  const id = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [{ productId: tea.id, quantity: 2 }],
    }).expect(201)
  ).body.data.id;
  await transferAction(clerk, id, 'send').expect(403);
  await transferAction(clerk, id, 'cancel').expect(403);
  // The clerk sees it from the sending store (every role reads).
  await getTransfer(clerk, id).expect(200);
  const sent = (await transferAction(a, id, 'send').expect(200)).body.data;
  // A viewer of the receiving store sees it but cannot receive it.
  await getTransfer(b, id).expect(200);
  const body = { lines: [{ lineId: sent.lines[0].id, receivedQuantity: 2 }] };
  await transferAction(b, id, 'receive', body).expect(403);
  // A member of a third store: not there, whichever id.
  const other = elsewhere;
  await getTransfer(other, id).expect(404);
  await transferAction(other, id, 'receive', body).expect(404);
  expect(
    (await other.api.get(`${other.url}/transfers`).set(other.auth).expect(200)).body.data,
  ).toEqual([]);
  // Someone who is not a member of the receiving store at all.
  await getTransfer({ ...stranger, storeId: b.storeId, url: b.url }, id).expect(403);
  // An employee of the receiving store receives it.
  const porter = await memberOf(t, b.storeId, 'employee');
  await transferAction(porter, id, 'receive', body).expect(200);
});

test('when the same create is sent twice with one Idempotency-Key, then one transfer exists; bad filters are 400', async () => {
  const { a, b, tea } = await twoStores(t);
  const body = { toStoreId: b.storeId, lines: [{ productId: tea.id, quantity: 1 }] };
  const first = await postTransfer(a, body, 'xfer-key-1').expect(201);
  const second = await postTransfer(a, body, 'xfer-key-1').expect(201);
  expect(second.body.data.id).toBe(first.body.data.id);
  const list = await a.api.get(`${a.url}/transfers`).set(a.auth).expect(200);
  expect(list.body.pagination.total).toBe(1);
  await postTransfer(a, { ...body, note: 'changed' }, 'xfer-key-1').expect(422);
  for (const q of ['?status=lost', '?direction=sideways', '?limit=0']) {
    const res = await a.api.get(`${a.url}/transfers${q}`).set(a.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  await postTransfer(a, { toStoreId: b.storeId, lines: [] }).expect(400);
  await postTransfer(a, { ...body, lines: [...body.lines, ...body.lines] }).expect(400);
});

test('when stock is transferred, then the reports count it as neither a sale nor a loss', async () => {
  const { a, b, tea } = await twoStores(t, 'manager');
  const id = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [{ productId: tea.id, quantity: 6 }],
    }).expect(201)
  ).body.data.id;
  const lines = (await transferAction(a, id, 'send').expect(200)).body.data.lines as Line[];
  await transferAction(b, id, 'receive', {
    lines: [{ lineId: lines[0]!.id, receivedQuantity: 4 }],
  }).expect(200);
  for (const s of [a, b]) {
    const waste = await reportOf(s, 'waste');
    expect(waste.totals.units).toBe(0);
    const consumption = await reportOf(s, 'consumption');
    expect(consumption.totals.units).toBe(0);
  }
  const dashboard = (await a.api.get(`${a.url}/analytics/dashboard`).set(a.auth).expect(200)).body
    .data;
  expect(JSON.stringify(dashboard)).not.toContain('transfer');
});
