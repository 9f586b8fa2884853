import express from 'express';
import request from 'supertest';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../../core/access';
import { errorHandler } from '../../http/error-handler';
import { createGuards } from '../../http/guards';
import { useTestApp } from '../../test/app';
import { addMember, createStore, createUser } from '../../test/factories';

/*
 * The permission matrix with API keys: the real guard and the real key service, one route
 * per permission, a key of each role (PRODUCT.md §4, written out again so a slip shows).
 */
const MATRIX: Record<Permission, Role[]> = {
  'inventory:read': ['admin', 'manager', 'employee', 'viewer'],
  'inventory:write': ['admin', 'manager', 'employee'],
  'inventory:delete': ['admin', 'manager'],
  'inventory:bulk_update': ['admin', 'manager'],
  'inventory:transfer': ['admin', 'manager'],
  'sales:refund': ['admin', 'manager'],
  'vendor:manage': ['admin', 'manager'],
  'invoice:process': ['admin', 'manager'],
  'reports:view': ['admin', 'manager', 'viewer'],
  'settings:manage': ['admin'],
};

const t = useTestApp();
let guarded: express.Express;
let storeId: string;
let otherStoreId: string;
const tokenOf = {} as Record<Role, string>;

beforeAll(async () => {
  const guards = createGuards({
    authenticate: () => Promise.reject(new Error('not a key')),
    keys: t.services.apiKeys,
    findRole: t.services.members.findRole,
    assertUser: (userId) => t.services.auth.assertUser(userId),
  });
  guarded = express();
  for (const p of PERMISSIONS) {
    guarded.get(
      `/stores/:storeId/${p.replace(':', '-')}`,
      guards.requireAuthOrKey,
      guards.requireStorePermission(p),
      (req, res) => {
        res.json({ role: req.store!.role, storeId: req.store!.storeId, key: req.store!.apiKey });
      },
    );
  }
  guarded.use(errorHandler(t.services.log));
  storeId = (await createStore(t.db.pool)).id;
  otherStoreId = (await createStore(t.db.pool)).id;
  const admin = await createUser(t.db.pool);
  await addMember(t.db.pool, storeId, admin.id, 'admin');
  const ctx = {
    storeId,
    userId: admin.id,
    role: 'admin' as const,
    permissions: [],
    requestId: 'x',
  };
  for (const role of ROLES) {
    tokenOf[role] = (await t.services.apiKeys.create(ctx, { name: `${role} key`, role })).token;
  }
});

const cases = PERMISSIONS.flatMap((p) => ROLES.map((r) => [p, r, MATRIX[p].includes(r)] as const));

test.each(cases)('a key: %s as %s: allowed=%s', async (permission, role, allowed) => {
  const path = permission.replace(':', '-');
  const res = await request(guarded)
    .get(`/stores/${storeId}/${path}`)
    .set('Authorization', `Bearer ${tokenOf[role]}`);
  if (allowed) {
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      role,
      storeId,
      key: { id: expect.any(String), name: `${role} key` },
    });
  } else {
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  }
  // Never in another store, whatever the role.
  const elsewhere = await request(guarded)
    .get(`/stores/${otherStoreId}/${path}`)
    .set('Authorization', `Bearer ${tokenOf[role]}`);
  expect(elsewhere.status).toBe(403);
});
