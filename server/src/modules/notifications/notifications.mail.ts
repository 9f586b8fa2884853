import type { Pool, PoolClient } from 'pg';
import type { Role } from '../../core/access';
import { withTransaction, type Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { Mailer } from '../../platform/mailer';
import type { JobsService } from '../jobs/jobs.service';
import * as repo from './notifications.repo';
import type { EmailDelivery } from './preferences';
import { subjectPath } from './subject-path';

export const MAIL_NOW_JOB = 'notifications.mail';
export const DIGEST_JOB = 'notifications.digest';
/** The most alerts one mail lists (the rest wait for the next). */
const MAIL_MAX = 200;

export interface NotificationMailDeps {
  pool: Pool;
  jobs: JobsService;
  mailer: Mailer;
  /** The auth module's reads: the user's address and name. */
  usersOf(db: Db, ids: readonly string[]): Promise<{ id: string; email: string; name: string }[]>;
  membersOf(db: Db, storeId: string): Promise<{ userId: string; role: Role }[]>;
  membershipsOfUser(db: Db, userId: string): Promise<{ storeId: string; storeName: string }[]>;
  publicUrl(): string;
  log: Logger;
}

/**
 * E-mail of notifications, always from a job (never in the publisher's loop): `immediate`
 * ones in a job queued per user as they are made, `digest` ones in the daily digest job each
 * store's schedule queues (07:00 local), which mails each of its members everything waiting
 * for them across their stores. A notification is mailed once: sending claims it in the
 * transaction that marks it mailed, committed after the mail went out.
 */
export function createNotificationMail(deps: NotificationMailDeps) {
  const { pool, jobs, mailer, log } = deps;

  async function mailPending(userId: string, mode: EmailDelivery): Promise<number> {
    const stores = await deps.membershipsOfUser(pool, userId);
    const [user] = await deps.usersOf(pool, [userId]);
    if (!user || stores.length === 0) return 0;
    return withTransaction(pool, async (tx) => {
      const rows = await repo.claimUnmailed(
        tx,
        userId,
        mode,
        stores.map((s) => s.storeId),
        MAIL_MAX,
      );
      if (rows.length === 0) return 0;
      const names = new Map(stores.map((s) => [s.storeId, s.storeName]));
      await mailer.send({ to: user.email, ...compose(mode, user.name, rows, names) });
      await repo.markEmailed(
        tx,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
  }

  function compose(
    mode: EmailDelivery,
    name: string,
    rows: repo.MailRow[],
    storeNames: Map<string, string>,
  ) {
    const [only, ...more] = rows;
    const subject =
      mode === 'digest'
        ? `Nimbus daily digest: ${rows.length} new alert${rows.length === 1 ? '' : 's'}`
        : only && more.length === 0
          ? `Nimbus: ${only.title}`
          : `Nimbus: ${rows.length} new alerts`;
    const lines = [`Hello ${name},`];
    if (mode === 'digest') lines.push('', 'New alerts in your stores since the last digest:');
    for (const storeId of new Set(rows.map((r) => r.store_id))) {
      lines.push('', `${storeNames.get(storeId) ?? 'A store'}:`);
      for (const r of rows.filter((x) => x.store_id === storeId)) {
        const link = `${deps.publicUrl()}${subjectPath(storeId, r.subject_type, r.subject_id)}`;
        lines.push(`- ${r.title}${r.resolved_at ? ' (resolved since)' : ''}`, `  ${link}`);
      }
    }
    lines.push('', 'You can choose what you hear of, and how, in your notification settings.');
    return { subject, text: lines.join('\n') + '\n' };
  }

  jobs.register(MAIL_NOW_JOB, async ({ job }) => {
    const userId = String((job.payload as { userId: unknown }).userId);
    const sent = await mailPending(userId, 'immediate');
    log.info('notification mail sent', { jobId: job.id, userId, notifications: sent });
    return null;
  });
  jobs.register(
    DIGEST_JOB,
    async ({ job }) => {
      const members = await deps.membersOf(pool, job.store_id!);
      let mails = 0;
      for (const m of members) if ((await mailPending(m.userId, 'digest')) > 0) mails++;
      log.info('notification digests sent', { jobId: job.id, storeId: job.store_id, mails });
      return null;
    },
    { onePerStore: true },
  );

  return {
    mailPending,

    /** Queues each user's mail of what is to be mailed at once (a system job per user). */
    async queueImmediate(userIds: string[]): Promise<void> {
      for (const userId of userIds) {
        await jobs.enqueue(pool, { type: MAIL_NOW_JOB, payload: { userId } });
      }
      jobs.nudge();
    },

    /** The store's daily digest job, queued by its schedule in the schedule's transaction. */
    async queueDigest(tx: PoolClient, storeId: string): Promise<string> {
      const { jobId } = await jobs.enqueueOnceIn(
        tx,
        { storeId, type: DIGEST_JOB, payload: {}, what: 'daily digest' },
        { minIntervalSeconds: 0, reuseRunning: true },
      );
      return jobId;
    },
  };
}

export type NotificationMail = ReturnType<typeof createNotificationMail>;
