import type { Pool, PoolClient } from 'pg';
import type { Role } from '../../core/access';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { Mailer } from '../../platform/mailer';
import type { JobsService } from '../jobs/jobs.service';
import * as repo from './notifications.repo';
import { composeWeeklySummary, type WeekFigures } from './weekly-summary-mail';
import { NO_PREFERENCES, resolve } from './preferences';

export const WEEKLY_SUMMARY_JOB = 'notifications.weekly_summary';
export type { WeekFigures } from './weekly-summary-mail';

export interface WeeklySummaryDeps {
  pool: Pool;
  jobs: JobsService;
  mailer: Mailer;
  usersOf(db: Db, ids: readonly string[]): Promise<{ id: string; email: string; name: string }[]>;
  membersOf(db: Db, storeId: string): Promise<{ userId: string; role: Role }[]>;
  /** The store's last seven local days as its owners' reads give them (composition fills it). */
  figures(storeId: string, now: Date): Promise<WeekFigures | undefined>;
  publicUrl(): string;
  log: Logger;
}

/** Who runs the store: only they get its money figures by mail, whatever else they chose. */
const RUNS_THE_STORE: readonly Role[] = ['admin', 'manager'];

/**
 * The weekly summary: each store's schedule queues it on Mondays at 09:00 local time, and its
 * job mails the store's admins and managers who want it (their `weeklySummary` choice, on by
 * default) the last seven local days against the seven before.
 */
export function createWeeklySummary(deps: WeeklySummaryDeps) {
  const { pool, jobs, log } = deps;

  async function send(storeId: string, now = new Date()): Promise<number> {
    const members = (await deps.membersOf(pool, storeId)).filter((m) =>
      RUNS_THE_STORE.includes(m.role),
    );
    if (members.length === 0) return 0;
    const prefs = await repo.preferencesOf(
      pool,
      members.map((m) => m.userId),
    );
    const wanted = members.filter(
      (m) => resolve(prefs.get(m.userId) ?? NO_PREFERENCES, m.role).weeklySummary,
    );
    if (wanted.length === 0) return 0;
    const figures = await deps.figures(storeId, now);
    if (!figures) return 0;
    const users = await deps.usersOf(
      pool,
      wanted.map((m) => m.userId),
    );
    for (const user of users) {
      const mail = composeWeeklySummary(
        user.name,
        figures,
        `${deps.publicUrl()}/stores/${storeId}`,
      );
      await deps.mailer.send({ to: user.email, ...mail });
    }
    return users.length;
  }

  jobs.register(
    WEEKLY_SUMMARY_JOB,
    async ({ job }) => {
      const mails = await send(job.store_id!);
      log.info('weekly summaries sent', { jobId: job.id, storeId: job.store_id, mails });
      return null;
    },
    { onePerStore: true },
  );

  return {
    send,
    /** The store's weekly summary job, queued by its schedule in the schedule's transaction. */
    async queue(tx: PoolClient, storeId: string): Promise<string> {
      const { jobId } = await jobs.enqueueOnceIn(
        tx,
        { storeId, type: WEEKLY_SUMMARY_JOB, payload: {}, what: 'weekly summary' },
        { minIntervalSeconds: 0, reuseRunning: true },
      );
      return jobId;
    },
  };
}

export type WeeklySummary = ReturnType<typeof createWeeklySummary>;
