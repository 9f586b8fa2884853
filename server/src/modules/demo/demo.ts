import type { Pool } from 'pg';
import type { Logger } from '../../logger';
import type { AuthService } from '../auth/auth.service';

export const DEMO_LOGIN = { email: 'demo@nimbus.local', password: 'Nimbus-demo-2026' };

/** On an empty database, creates the demo account and store so a newcomer can look around. */
export async function seedDemoIfEmpty(
  pool: Pool,
  auth: AuthService,
  log: Logger,
): Promise<boolean> {
  const { rows } = await pool.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
  if (rows[0]?.any) return false;
  await auth.register({
    email: DEMO_LOGIN.email,
    password: DEMO_LOGIN.password,
    name: 'Demo Owner',
    storeName: 'Demo Grocery',
  });
  log.info('demo store created', { email: DEMO_LOGIN.email });
  return true;
}
