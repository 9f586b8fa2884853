import type { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { todayIn } from '../../core/calendar';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import { keysetPage } from '../../core/paging';
import type { Logger } from '../../logger';
import type { StoreWriter } from '../events/events.service';
import type { JobsService } from '../jobs/jobs.service';
import { alertChecks, type CheckReads } from './alert-checks';
import * as repo from './alerts.repo';
import type { ListAlertsQuery } from './alerts.schemas';

export const ALERT_CHECK_JOB = 'alerts.check';
export type CheckName = keyof ReturnType<typeof alertChecks>;
/** Days a resolved alert is kept (the hourly cleanup deletes it, and its notifications, then). */
export const RESOLVED_ALERT_DAYS = 180;
export const CHECK_NAMES: readonly CheckName[] = [
  'stock',
  'expiry',
  'purchasing',
  'jobs',
  'webhooks',
];

/**
 * Changes after which a store's stock levels may have crossed a line: its levels check (low
 * and out of stock, two queries) follows them. Running out and unusual demand read the
 * forecasts and wait for the scheduled stock check.
 */
const STOCK_CHANGES = new Set([
  'inventory.stock_updated',
  'product.created',
  'product.updated',
  'product.deleted',
]);
/** After a store's import, report or recalculation settles: its failing-jobs check. */
const JOB_CHANGES = new Set(['job.finished']);

export interface AlertsDeps {
  pool: Pool;
  write: StoreWriter;
  jobs: JobsService;
  reads: CheckReads;
  timezoneOf(storeId: string): Promise<string>;
  log: Logger;
}

const toAlert = (r: repo.AlertRow) => ({
  id: r.id,
  kind: r.kind,
  subject: { type: r.subject_type, id: r.subject_id },
  title: r.title,
  detail: r.detail,
  openedAt: r.opened_at.toISOString(),
  resolvedAt: r.resolved_at?.toISOString() ?? null,
});

/**
 * Alerts: each check finds the conditions holding now (through their owners' reads) and
 * makes the store's open alerts of its kinds exactly those, in one transaction whose outbox
 * events (`alert.opened`, `alert.resolved`) announce what changed. A condition found again
 * changes nothing; one that ended is resolved; one that comes back opens a new alert.
 */
export function createAlertsService(deps: AlertsDeps) {
  const { pool, write, jobs, log } = deps;
  const checks = alertChecks(deps.reads);

  async function runCheck(storeId: string, name: CheckName, now = new Date()) {
    const today = todayIn(await deps.timezoneOf(storeId), now);
    const check = checks[name];
    // Most checks (one follows every sale) find what is already open: they read, and write
    // nothing, so the store's cache and outbox are left alone.
    const [current, open] = await Promise.all([
      check.find(pool, storeId, today),
      repo.openKeys(pool, storeId, check.kinds),
    ]);
    if (
      current.length === open.size &&
      current.every((c) => open.has(`${c.kind}:${c.subjectId}`))
    ) {
      return { check: name, holding: current.length, opened: 0, resolved: 0 };
    }
    return write({ storeId }, async (tx, emit) => {
      const found = await check.find(tx, storeId, today);
      const { opened, resolved } = await repo.reconcile(tx, storeId, check.kinds, found);
      for (const a of opened) {
        await emit('alert.opened', {
          alertId: a.id,
          kind: a.kind,
          subject: { type: a.subject_type, id: a.subject_id },
          title: a.title,
        });
      }
      for (const a of resolved) {
        await emit('alert.resolved', { alertId: a.id, kind: a.kind, subjectId: a.subject_id });
      }
      return {
        check: name,
        holding: found.length,
        opened: opened.length,
        resolved: resolved.length,
      };
    });
  }

  // Checks waiting to be queued, as `store:check`: one at a time, so a burst of changes across
  // many stores takes one connection, not one per store.
  const toCheck = new Set<string>();
  let queueing: Promise<void> | undefined;
  async function queueChecks() {
    for (const key of toCheck) {
      toCheck.delete(key);
      const [storeId, check] = key.split(':') as [string, CheckName];
      await jobs
        .enqueueOnce(
          { storeId, type: ALERT_CHECK_JOB, payload: { check }, what: `${check} check` },
          { minIntervalSeconds: 0, samePayload: true },
        )
        .catch((err) => log.warn('alert check not queued', { storeId, check, error: String(err) }));
    }
  }

  jobs.register(
    ALERT_CHECK_JOB,
    async ({ job }) => {
      const name = (job.payload as { check: CheckName }).check;
      const report = await runCheck(job.store_id!, name);
      log.info('alert check ran', { storeId: job.store_id, jobId: job.id, ...report });
      // The contract's Job.result is an import report; the counts go to the log.
      return null;
    },
    { onePerStore: true },
  );

  return {
    /** Runs a check now in this process (the schedules queue it as a job instead). */
    runCheck,

    /** Queues a check in the caller's transaction (a scheduled run), one waiting at most. */
    async queueCheck(tx: PoolClient, storeId: string, name: CheckName): Promise<string> {
      const { jobId } = await jobs.enqueueOnceIn(
        tx,
        { storeId, type: ALERT_CHECK_JOB, payload: { check: name }, what: `${name} check` },
        { minIntervalSeconds: 0, reuseRunning: true, samePayload: true },
      );
      return jobId;
    },

    /**
     * After published changes (the outbox publisher's leader calls this): each store whose
     * stock changed gets a levels check queued, at most one waiting, so a sale that takes a
     * product to its reorder point raises the alert within seconds, not at 08:00; one whose
     * import, report or recalculation settled gets its failing-jobs check.
     */
    afterEvents(events: readonly { storeId: string; type: string }[]) {
      for (const e of events) {
        if (STOCK_CHANGES.has(e.type)) toCheck.add(`${e.storeId}:levels`);
        if (JOB_CHANGES.has(e.type)) toCheck.add(`${e.storeId}:jobs`);
      }
      if (toCheck.size) queueing ??= queueChecks().finally(() => (queueing = undefined));
    },

    /** Alerts opened since a local day began, by kind, and how many of them are still open. */
    openedSince: (storeId: string, day: string, timezone: string) =>
      repo.openedSince(pool, storeId, day, timezone),

    /** The hourly cleanup: alerts resolved long ago. */
    purgeResolved: () => repo.purgeResolved(pool, RESOLVED_ALERT_DAYS),

    /** Every check, now: what a person asks for with "Check now". */
    async checkAll(ctx: StoreContext) {
      for (const name of CHECK_NAMES) await runCheck(ctx.storeId, name);
      return this.summary(ctx);
    },

    async list(ctx: StoreContext, q: ListAlertsQuery) {
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const rows = await repo.listAlerts(pool, ctx.storeId, {
        status: q.status,
        kind: q.kind,
        limit: q.limit + 1,
        after: after && { openedAt: String(after[0]), id: String(after[1]) },
      });
      const { page, pagination } = keysetPage(
        rows,
        { page: 1, limit: q.limit },
        undefined,
        (last) => [last.opened_at.toISOString(), last.id],
      );
      return { items: page.map(toAlert), pagination };
    },

    /** Open alerts by kind (every kind, zero included) and in all. */
    async summary(ctx: StoreContext) {
      const counts = await repo.openCounts(pool, ctx.storeId);
      const byKind = Object.fromEntries(repo.ALERT_KINDS.map((k) => [k, counts.get(k) ?? 0]));
      return { open: [...counts.values()].reduce((a, b) => a + b, 0), byKind };
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
