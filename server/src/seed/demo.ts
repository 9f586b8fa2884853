import type { Pool } from 'pg';
import type { Logger } from '../logger';
import { ROLE_PERMISSIONS } from '../core/access';
import { UnprocessableError } from '../core/errors';
import type { AuthService } from '../modules/auth/auth.service';
import type { ForecastingService } from '../modules/forecasting/forecasting.service';
import type { ShoppingListsService } from '../modules/shopping-lists/shopping-lists.service';
import type { StoresService } from '../modules/stores/stores.service';
import { type DemoStoreSummary, generateDemoStore } from './generate';

export const DEMO_LOGIN = { email: 'demo@nimbus.local', password: 'Nimbus-demo-2026' };
export const DEMO_SIZE = { products: 300, days: 180, seed: 2026 };

// Any constant works; replicas starting together on an empty database seed it once.
const SEED_LOCK_KEY = 7_314_159_266;

export interface DemoServices {
  auth: AuthService;
  stores: StoresService;
  /** When given, the demo store's forecasts, predictions and anomalies are computed. */
  forecasting?: Pick<ForecastingService, 'recalculateNow'>;
  /** When given, the demo store gets a reorder list made from its generated history. */
  shoppingLists?: Pick<ShoppingListsService, 'generate'>;
}

export interface DemoAccountInput {
  email: string;
  password: string;
  name: string;
  storeName: string;
  products: number;
  days: number;
  seed?: number;
  onStep?: (step: string, ms: number) => void;
}

/** Registers a user who owns a new store, then fills the store with generated history. */
export async function createDemoAccount(
  pool: Pool,
  services: DemoServices,
  input: DemoAccountInput,
): Promise<{ userId: string; storeId: string; summary: DemoStoreSummary }> {
  const started = Date.now();
  const { user } = await services.auth.register({
    email: input.email,
    password: input.password,
    name: input.name,
    storeName: input.storeName,
  });
  const { items } = await services.stores.listForUser(user.id, { page: 1, limit: 1 });
  const storeId = items[0]!.id;
  input.onStep?.('account', Date.now() - started);
  const summary = await generateDemoStore(pool, {
    storeId,
    userId: user.id,
    products: input.products,
    days: input.days,
    seed: input.seed,
    onStep: input.onStep,
  });
  // Before the reorder list, which then reads the stored forecasts instead of forecasting.
  if (services.forecasting) {
    const t0 = Date.now();
    await services.forecasting.recalculateNow(storeId);
    input.onStep?.('forecasts', Date.now() - t0);
  }
  if (services.shoppingLists) {
    const t0 = Date.now();
    await services.shoppingLists
      .generate(
        {
          userId: user.id,
          storeId,
          role: 'admin',
          permissions: ROLE_PERMISSIONS.admin,
          requestId: 'seed',
        },
        { name: 'Weekly reorder', criteria: { daysAhead: 7, includeExpiring: true } },
      )
      // A store with nothing to reorder opens without a list (generating one is a 422 then).
      .catch((err: unknown) => {
        if (!(err instanceof UnprocessableError)) throw err;
      });
    input.onStep?.('reorder list', Date.now() - t0);
  }
  return { userId: user.id, storeId, summary };
}

/** On an empty database, creates the demo account and a store with a few months of history. */
export async function seedDemoIfEmpty(
  pool: Pool,
  services: DemoServices,
  log: Logger,
): Promise<boolean> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    const { rows } = await pool.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM users) AS any',
    );
    if (rows[0]?.any) return false;
    const started = Date.now();
    const { summary } = await createDemoAccount(pool, services, {
      ...DEMO_LOGIN,
      ...DEMO_SIZE,
      name: 'Demo Owner',
      storeName: 'Demo Grocery',
    });
    log.info('demo store created', {
      email: DEMO_LOGIN.email,
      products: summary.products,
      sales: summary.sales,
      ms: Date.now() - started,
    });
    return true;
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]).catch(() => undefined);
    lock.release();
  }
}
