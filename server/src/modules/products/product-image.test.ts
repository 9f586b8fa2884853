import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { TEST_DATA_DIR, useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  memberOf,
  outboxTypes,
  storeWithMember,
} from '../../test/factories';
import { cameraJpeg, downloadImage, elfExecutable, pngBomb, uploadImage } from '../../test/images';

/** A product's picture: upload, thumbnails, replace, remove, refusals, and who may do what. */
const t = useTestApp({ FILE_MAX_BYTES: String(512 * 1024) });

const liveImages = async (productId: string) =>
  (
    await t.db.pool.query<{ id: string; deleted: boolean }>(
      `SELECT id, deleted_at IS NOT NULL AS deleted FROM files WHERE subject_id = $1
        ORDER BY created_at`,
      [productId],
    )
  ).rows;

test('when an employee uploads a camera JPEG, then the product shows a metadata-free WebP picture and a square thumbnail, in the list too', async () => {
  const s = await storeWithMember(t, 'employee');
  const product = await createProduct(s, { name: 'Red Mug' });
  expect(product.image).toBeNull();

  const res = await uploadImage(s, product.id, await cameraJpeg()).expect(200);
  expect(res.body.data.image).toEqual({ id: expect.any(String), width: 1024, height: 768 });

  const large = (await downloadImage(s, product.id).expect(200)).body as Buffer;
  const meta = await sharp(large).metadata();
  expect(meta).toEqual(expect.objectContaining({ format: 'webp', width: 1024, height: 768 }));
  expect(meta.exif).toBeUndefined();
  expect(large.includes(Buffer.from('Secret Shop'))).toBe(false);
  const thumb = await downloadImage(s, product.id, 'thumb').expect(200);
  expect(thumb.headers['content-type']).toBe('image/webp');
  expect(await sharp(thumb.body as Buffer).metadata()).toEqual(
    expect.objectContaining({ width: 192, height: 192 }),
  );

  const list = await s.api.get(`${s.url}/products`).set(s.auth).expect(200);
  expect(list.body.data.find((p: { id: string }) => p.id === product.id).image.id).toBe(
    res.body.data.image.id,
  );
  expect(await outboxTypes(t, s.storeId)).toContain('product.updated');
});

test('when the picture is replaced and then removed, then the old file is kept as removed and the product has none', async () => {
  const s = await storeWithMember(t, 'manager');
  const product = await createProduct(s);
  const first = (await uploadImage(s, product.id, await cameraJpeg(300, 200)).expect(200)).body;
  const second = (await uploadImage(s, product.id, await cameraJpeg(200, 300), 'b.png').expect(200))
    .body;
  expect(second.data.image.id).not.toBe(first.data.image.id);
  expect(second.data.image).toEqual(expect.objectContaining({ width: 200, height: 300 }));
  expect(await liveImages(product.id)).toEqual([
    { id: first.data.image.id, deleted: true },
    { id: second.data.image.id, deleted: false },
  ]);

  await s.api.delete(`${s.url}/products/${product.id}/image`).set(s.auth).expect(204);
  const after = await s.api.get(`${s.url}/products/${product.id}`).set(s.auth).expect(200);
  expect(after.body.data.image).toBeNull();
  await downloadImage(s, product.id).expect(404);
  await s.api.delete(`${s.url}/products/${product.id}/image`).set(s.auth).expect(404);
});

test.each([
  ['a renamed executable', elfExecutable(), 'photo.jpg', 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'photo.png', 415, null],
  ['a zip-bomb PNG (60 000 × 60 000 pixels in a few KB)', pngBomb(), 'bomb.png', 422, 'pixels'],
  ['a 0-byte file', Buffer.alloc(0), 'empty.jpg', 400, 'VALIDATION_ERROR'],
  ['a file over FILE_MAX_BYTES', Buffer.alloc(600 * 1024, 0xff), 'big.jpg', 413, null],
])(
  'when the upload is %s, then it is refused in the envelope and nothing changes',
  async (_what, file, name, status, code) => {
    const s = await storeWithMember(t, 'manager');
    const product = await createProduct(s);
    const before = await outboxTypes(t, s.storeId);
    const res = await uploadImage(s, product.id, file, name).expect(status);
    expect(res.body.success).toBe(false);
    if (code === 'pixels') expect(res.body.error.message).toMatch(/60000 × 60000 pixels/);
    else if (code) expect(res.body.error.code).toBe(code);
    expect(await countRows(t, 'files', s.storeId)).toBe(0);
    expect(await outboxTypes(t, s.storeId)).toEqual(before);
    const got = await s.api.get(`${s.url}/products/${product.id}`).set(s.auth).expect(200);
    expect(got.body.data.image).toBeNull();
  },
);

test("when a member of another store reaches for a product's picture, then it is 404; a viewer sees it but may not change it (403)", async () => {
  const s = await storeWithMember(t, 'manager');
  const product = await createProduct(s);
  await uploadImage(s, product.id, await cameraJpeg(64, 64)).expect(200);

  const other = await storeWithMember(t, 'admin');
  const path = `${other.url}/products/${product.id}/image`;
  await uploadImage(other, product.id, await cameraJpeg(64, 64)).expect(404);
  await downloadImage(other, product.id).expect(404);
  await other.api.delete(path).set(other.auth).expect(404);
  expect(await countRows(t, 'files', other.storeId)).toBe(0);

  const viewer = await memberOf(t, s.storeId, 'viewer');
  await downloadImage(viewer, product.id, 'thumb').expect(200);
  await uploadImage(viewer, product.id, await cameraJpeg(64, 64)).expect(403);
  await viewer.api
    .delete(`${viewer.url}/products/${product.id}/image`)
    .set(viewer.auth)
    .expect(403);
  expect((await liveImages(product.id)).filter((f) => !f.deleted)).toHaveLength(1);
});

test('when a removed picture is past its retention, then the hourly cleanup deletes its bytes and row, and not a live one', async () => {
  const s = await storeWithMember(t, 'manager');
  const product = await createProduct(s);
  const old = (await uploadImage(s, product.id, await cameraJpeg(80, 80)).expect(200)).body.data;
  const live = (await uploadImage(s, product.id, await cameraJpeg(90, 90)).expect(200)).body.data;
  const stored = (key: string) => existsSync(path.join(TEST_DATA_DIR, 'files', ...key.split('/')));
  const oldKey = `${s.storeId}/${old.image.id}`;
  expect([stored(oldKey), stored(`${oldKey}.thumb`)]).toEqual([true, true]);
  await t.db.pool.query(`UPDATE files SET deleted_at = now() - interval '31 days' WHERE id = $1`, [
    old.image.id,
  ]);
  expect(await t.services.files.purgeDeleted()).toBeGreaterThanOrEqual(1);
  expect([stored(oldKey), stored(`${oldKey}.thumb`)]).toEqual([false, false]);
  expect(await liveImages(product.id)).toEqual([{ id: live.image.id, deleted: false }]);
  await downloadImage(s, product.id, 'thumb').expect(200);
});

test('when a product with a picture is deleted, then its picture is removed with it', async () => {
  const s = await storeWithMember(t, 'admin');
  const product = await createProduct(s);
  await uploadImage(s, product.id, await cameraJpeg(50, 50)).expect(200);
  await s.api.delete(`${s.url}/products/${product.id}`).set(s.auth).expect(204);
  expect((await liveImages(product.id)).map((f) => f.deleted)).toEqual([true]);
});

test("when a store is deleted, then its pictures' bytes are removed from storage too", async () => {
  const s = await storeWithMember(t, 'admin');
  const product = await createProduct(s);
  await uploadImage(s, product.id, await cameraJpeg(40, 40)).expect(200);
  const dir = path.join(TEST_DATA_DIR, 'files', s.storeId);
  expect(readdirSync(dir)).toHaveLength(2); // the picture and its thumbnail
  await s.api.delete(s.url).set(s.auth).expect(204);
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
});

test('when a picture is uploaded while its product is being deleted, then one of them wins: no picture outlives its product', async () => {
  const s = await storeWithMember(t, 'manager');
  const product = await createProduct(s);
  const admin = await t.db.pool.connect();
  try {
    // The delete holds the product's row, as a delete running at the same time would.
    await admin.query('BEGIN');
    await admin.query('DELETE FROM products WHERE id = $1', [product.id]);
    const upload = uploadImage(s, product.id, await cameraJpeg(40, 40)).then((r) => r);
    // (Without the lock the upload does not wait at all: ten seconds, then it is judged.)
    for (let waiting = false, until = Date.now() + 10_000; !waiting && Date.now() < until;) {
      await new Promise((r) => setTimeout(r, 20));
      const { rows } = await t.db.pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
           AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
      );
      waiting = rows.length > 0;
    }
    await admin.query('COMMIT');
    expect((await upload).status).toBe(404);
  } finally {
    admin.release();
  }
  expect((await liveImages(product.id)).filter((f) => !f.deleted)).toEqual([]);
  await downloadImage(s, product.id, 'large').expect(404);
});
