import type { Pool } from 'pg';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import { withTransaction } from '../../db/pool';
import type { Outbound } from '../../platform/outbound';
import type { WebPushSetup } from './push.keys';
import * as repo from './push.repo';
import type { SubscribeBody } from './push.schemas';

/** Browsers one user may have subscribed; a new one beyond this replaces the least used. */
export const DEVICES_MAX = 20;

export interface PushDeps {
  pool: Pool;
  setup: WebPushSetup;
  /** Checks an endpoint before it is stored: its scheme, and an IP literal's range. */
  outbound: Pick<Outbound, 'check'>;
}

const toDevice = (r: repo.SubscriptionRow) => ({
  id: r.id,
  label: r.label,
  userAgent: r.user_agent,
  /** The push service, not the endpoint: the URL is a bearer capability. */
  service: new URL(r.endpoint).host,
  createdAt: r.created_at.toISOString(),
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  expiresAt: r.expires_at?.toISOString() ?? null,
  failures: r.failures,
});

/**
 * The caller's Web Push subscriptions: each browser that asked for push (its endpoint at the
 * push service and the keys to encrypt for it), theirs only.
 */
export function createPushService({ pool, setup, outbound }: PushDeps) {
  return {
    /** What a browser needs to subscribe: the server's public key, or why push is off. */
    config() {
      return setup.enabled
        ? { enabled: true, publicKey: setup.publicKey, reason: null }
        : { enabled: false, publicKey: null, reason: setup.reason };
    },

    async list(userId: string) {
      return (await repo.listOf(pool, userId)).map(toDevice);
    },

    async subscribe(userId: string, body: SubscribeBody, userAgent: string | undefined) {
      if (!setup.enabled) throw new InvalidStateError(setup.reason);
      try {
        outbound.check(body.endpoint);
      } catch (err) {
        throw new ValidationError([
          {
            field: 'endpoint',
            message: `is not a push service Nimbus may reach (${(err as Error).message})`,
            code: 'custom',
          },
        ]);
      }
      const row = await withTransaction(pool, async (tx) => {
        const saved = await repo.upsert(tx, {
          userId,
          endpoint: body.endpoint,
          p256dh: body.keys.p256dh,
          auth: body.keys.auth,
          label: body.label ?? null,
          userAgent: userAgent?.slice(0, 300) || null,
          expiresAt: body.expirationTime === null ? null : new Date(body.expirationTime),
        });
        await repo.trim(tx, userId, DEVICES_MAX);
        return saved;
      });
      return toDevice(row);
    },

    async unsubscribe(userId: string, by: { endpoint: string } | { id: string }) {
      if (!(await repo.removeOwn(pool, userId, by))) throw new NotFoundError('Push subscription');
    },

    /** Of `userIds`, those push can reach (none while it is off). */
    async targets(userIds: string[]): Promise<Set<string>> {
      return setup.enabled ? repo.usersWithSubscriptions(pool, userIds) : new Set();
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
