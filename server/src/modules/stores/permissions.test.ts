import { randomUUID } from 'node:crypto';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../http/error-handler';
import { createGuards } from '../../http/guards';
import { buildTestApp, type TestApp } from '../../test/app';
import { addMember, createStore, createUser } from '../../test/factories';
import { MemoryCache } from '../../platform/cache';
import { createSessions } from '../auth/sessions';
import { createAccessTokens } from '../auth/tokens';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../../core/access';
import { seesMoney } from '../../core/money';

// PRODUCT.md §4, written out independently of ROLE_PERMISSIONS so a slip in either shows.
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

let t: TestApp;
let guarded: express.Express;
let storeId: string;
const tokens = createAccessTokens('guard-test-secret-guard-test-secret-0123', 60);
const userOf = {} as Record<Role | 'outsider', string>;

beforeAll(async () => {
  t = await buildTestApp();
  // The real guard on the real membership table, behind one route per permission.
  const sessions = createSessions(t.db.pool, new MemoryCache(), 60);
  const guards = createGuards({
    authenticate: async (token) => {
      const { userId, sessionId } = tokens.verify(token);
      if ((await sessions.check(userId, sessionId)) !== 'active') throw new Error('ended');
      return { userId };
    },
    findRole: t.services.members.findRole,
    assertUser: (userId) => t.services.auth.assertUser(userId),
  });
  guarded = express();
  for (const p of PERMISSIONS) {
    guarded.get(
      `/stores/:storeId/${p.replace(':', '-')}`,
      guards.requireAuth,
      guards.requireStorePermission(p),
      (req, res) => {
        res.json({ role: req.store!.role, storeId: req.store!.storeId });
      },
    );
  }
  guarded.use(errorHandler(t.services.log));
  storeId = (await createStore(t.db.pool)).id;
  for (const role of ROLES) {
    userOf[role] = (await createUser(t.db.pool)).id;
    await addMember(t.db.pool, storeId, userOf[role], role);
  }
  userOf.outsider = (await createUser(t.db.pool)).id;
});
afterAll(() => t.close());

const cases = PERMISSIONS.flatMap((p) => ROLES.map((r) => [p, r, MATRIX[p].includes(r)] as const));

test.each(cases)('%s as %s: allowed=%s', async (permission, role, allowed) => {
  const res = await request(guarded)
    .get(`/stores/${storeId}/${permission.replace(':', '-')}`)
    .set('Authorization', `Bearer ${tokens.sign(userOf[role], randomUUID()).token}`);
  if (allowed) {
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ role, storeId });
  } else {
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  }
});

// The money rule (core/money.ts; every response in money-rule.test.ts): the roles that view
// reports see costs, purchase totals and invoice amounts; an employee does not.
test.each(ROLES)(
  'money (costs, purchase totals, invoice amounts) as %s follows reports:view',
  (role) => {
    expect(seesMoney(role)).toBe(MATRIX['reports:view'].includes(role));
    expect(seesMoney(role)).toBe(role !== 'employee');
  },
);

test('when the caller is not a member, then every permission is 403', async () => {
  for (const p of PERMISSIONS) {
    const res = await request(guarded)
      .get(`/stores/${storeId}/${p.replace(':', '-')}`)
      .set('Authorization', `Bearer ${tokens.sign(userOf.outsider, randomUUID()).token}`)
      .expect(403);
    expect(res.body.error.message).toMatch(/not a member/);
  }
});

test('when the store id is malformed, then 400 before any lookup', async () => {
  const res = await request(guarded)
    .get(`/stores/not-a-uuid/inventory-read`)
    .set('Authorization', `Bearer ${tokens.sign(userOf.admin, randomUUID()).token}`)
    .expect(400);
  expect(res.body.error.details[0].field).toBe('storeId');
});
