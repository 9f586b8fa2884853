import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import { withTransaction, type Db } from '../../db/pool';
import type { Logger } from '../../logger';
import type { JobsService } from '../jobs/jobs.service';
import * as repo from './schedules.repo';

export const SYSTEM_JOB = 'schedules.system';
/** Days a store's past runs are kept (each task's latest is kept whatever its age). */
export const RUN_DAYS = 90;

/** Something a store has done for it on its own, at its local time. */
export interface ScheduledTask extends repo.TaskTiming {
  /** What Settings calls it. */
  title: string;
  /**
   * Queues the work for the store in the claiming transaction (so a run is recorded exactly
   * when its job is queued) and answers the job's id.
   */
  run(tx: PoolClient, storeId: string): Promise<string>;
}

/**
 * Work for the whole installation, not a store's (the cleanup): due every hour on the hour,
 * claimed once across replicas by its slot in `schedule_system_runs`, done in a job.
 */
export interface SystemTask {
  task: string;
  title: string;
  /** The job's work; answers what it did (counts, for the log). */
  work(): Promise<Record<string, number>>;
}

export interface SchedulesDeps {
  pool: Pool;
  tasks: readonly ScheduledTask[];
  system?: readonly SystemTask[];
  jobs: Pick<JobsService, 'register' | 'enqueue'>;
  /** Every store's id, time zone and creation (the stores module owns `stores`). */
  stores(db: Db): Promise<repo.ScheduledStore[]>;
  timezoneOf(storeId: string): Promise<string>;
  /** Wakes the job workers once queued jobs have committed. */
  nudge(): void;
  log: Logger;
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * Schedules: each task runs once per slot in each store's own time zone, across replicas
 * (a run is claimed by its key in `schedule_runs`), and a slot missed while no server ran is
 * caught up once at the next tick, not once per missed day. One tick a minute looks at every
 * store in one statement.
 */
export function createSchedulesService(deps: SchedulesDeps) {
  const { pool, tasks, log } = deps;
  const byName = new Map(tasks.map((t) => [t.task, t]));
  const system = new Map((deps.system ?? []).map((t) => [t.task, t]));
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> | undefined;

  deps.jobs.register(SYSTEM_JOB, async ({ job }) => {
    const name = String((job.payload as { task: unknown }).task);
    const task = system.get(name);
    if (!task) throw new Error(`no system task ${name}`);
    log.info('system task ran', { task: name, jobId: job.id, ...(await task.work()) });
    return null;
  });

  /**
   * Claims this hour's slot of each system task and queues its job (in the claiming
   * transaction); answers what this process claimed (another replica's tick finds it taken).
   */
  async function tickSystem(now = new Date()): Promise<{ task: string; dueAt: Date }[]> {
    const dueAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    const ran: { task: string; dueAt: Date }[] = [];
    for (const task of system.keys()) {
      try {
        const claimed = await withTransaction(pool, async (tx) => {
          if (!(await repo.claimSystemRun(tx, task, dueAt))) return false;
          const jobId = await deps.jobs.enqueue(tx, { type: SYSTEM_JOB, payload: { task } });
          await repo.recordSystemJob(tx, task, dueAt, jobId);
          return true;
        });
        if (claimed) ran.push({ task, dueAt });
      } catch (err) {
        log.warn('system run failed', { task, error: String(err) });
      }
    }
    return ran;
  }

  /** Claims and runs every due slot as of `now`; answers the stores' runs this process ran. */
  async function tick(now = new Date()): Promise<repo.DueRun[]> {
    const systemRan = await tickSystem(now);
    const due = await repo.dueRuns(pool, await deps.stores(pool), tasks, now);
    const ran: repo.DueRun[] = [];
    for (const run of due) {
      const task = byName.get(run.task);
      if (!task) continue;
      try {
        const claimed = await withTransaction(pool, async (tx) => {
          if (!(await repo.claimRun(tx, run))) return false;
          await repo.recordRunJob(tx, run, await task.run(tx, run.storeId));
          return true;
        });
        if (claimed) ran.push(run);
      } catch (err) {
        // This slot stays unclaimed and is tried again at the next tick; the others go on.
        log.warn('scheduled run failed', { ...run, error: String(err) });
      }
    }
    if (ran.length || systemRan.length) {
      deps.nudge();
      log.info('scheduled runs queued', { runs: ran.length, system: systemRan.length });
    }
    return ran;
  }

  return {
    tick,
    tickSystem,

    /** The hourly cleanup: past runs (each task's latest stays). */
    purgeOldRuns: () => repo.purgeOldRuns(pool, RUN_DAYS),

    /** Ticks every `everyMs` in this process (the one that runs jobs) until `stop`. */
    start(everyMs: number) {
      const once = () => {
        if (ticking) return;
        ticking = tick()
          .catch((err) => log.warn('schedule tick failed', { error: String(err) }))
          .finally(() => (ticking = undefined));
      };
      timer = setInterval(once, everyMs);
      timer.unref();
      once();
    },

    async stop() {
      clearInterval(timer);
      timer = undefined;
      await ticking;
    },

    /** Each task as the store has it: its time, whether it runs, its last and next run. */
    async list(ctx: StoreContext) {
      const [chosen, last, timezone] = await Promise.all([
        repo.storeSchedules(pool, ctx.storeId),
        repo.lastRuns(pool, ctx.storeId),
        deps.timezoneOf(ctx.storeId),
      ]);
      const own = new Map(chosen.map((c) => [c.task, c]));
      const rows = tasks.map((t) => ({
        task: t,
        at: own.get(t.task)?.at_local ?? t.defaultAt,
        enabled: own.get(t.task)?.enabled ?? true,
      }));
      const next = await repo.nextRuns(
        pool,
        timezone,
        rows.filter((r) => r.enabled).map((r) => ({ ...r.task, at: r.at })),
        new Date(),
      );
      return rows.map(({ task, at, enabled }) => {
        const ran = last.get(task.task);
        return {
          task: task.task,
          title: task.title,
          cadence: task.cadence,
          ...(task.cadence === 'weekly' ? { weekday: 'monday' as const } : {}),
          at: hhmm(at),
          defaultAt: hhmm(task.defaultAt),
          enabled,
          timezone,
          nextRunAt: next.get(task.task)?.toISOString() ?? null,
          lastRun: ran ? { dueAt: ran.dueAt.toISOString(), jobId: ran.jobId } : null,
        };
      });
    },

    /** A store's own time for a task, or the task turned off or on. */
    async update(ctx: StoreContext, name: string, body: { at?: string; enabled?: boolean }) {
      const task = byName.get(name);
      if (!task) throw new NotFoundError('Scheduled task');
      const current = (await repo.storeSchedules(pool, ctx.storeId)).find((s) => s.task === name);
      await repo.saveSchedule(pool, ctx.storeId, {
        task: name,
        atLocal: body.at ?? current?.at_local ?? task.defaultAt,
        enabled: body.enabled ?? current?.enabled ?? true,
      });
      const all = await this.list(ctx);
      return all.find((s) => s.task === name)!;
    },
  };
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;
