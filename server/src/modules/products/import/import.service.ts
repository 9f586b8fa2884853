import type { StoreContext } from '../../../core/context';
import { withArticle } from '../../../core/access';
import { ForbiddenError } from '../../../core/errors';
import { seesMoney } from '../../../core/money';
import type { CategoriesService } from '../../categories/categories.service';
import type { StoreWriter } from '../../events/events.service';
import type { JobContext, JobsService } from '../../jobs/jobs.service';
import type { SuppliersService } from '../../suppliers/suppliers.service';
import type { InventoryService } from '../../inventory/inventory.service';
import { newState, type ImportOptions, type ImportState } from './import-apply';
import { createBatchApplier } from './import-batch';
import { inspectUpload } from './import-format';
import type { SheetFormat } from '../../../files/sheet-source';
import { REQUEST_WAIT_MS, withParsedRows } from './parse-in-worker';

export const IMPORT_JOB = 'products.import';

interface Deps {
  write: StoreWriter;
  jobs: JobsService;
  categories: CategoriesService;
  suppliers: SuppliersService;
  inventory: InventoryService;
  /**
   * Refreshes the planner's statistics of the products table (ANALYZE). Called after an import
   * that added or changed STATISTICS_AFTER rows or more, so searches and filters are planned
   * for the new rows at once rather than after autovacuum gets round to it (searches right
   * after a large load took ~1.3 s instead of tens of milliseconds). Never throws.
   */
  refreshStatistics(): Promise<void>;
}

export const STATISTICS_AFTER = 1000;
const changedRows = (state: ImportState) => state.summary.created + state.summary.updated;

type Ctx = Pick<StoreContext, 'storeId' | 'userId'>;

const report = (state: ImportState, validateOnly: boolean) => ({
  validateOnly,
  summary: state.summary,
  errors: state.errors,
});

/** Thrown to roll a validate-only run back after it has checked every row for real. */
class DryRun extends Error {}

/** What a job commits with each batch, so a retry resumes after the last committed row. */
interface Checkpoint {
  row: number;
  state: ImportState;
}

export function createImportService(deps: Deps) {
  const { write, jobs } = deps;

  /** Every row in one transaction: the inline path, and every validate-only run. */
  async function runWhole(
    ctx: Ctx,
    file: Buffer,
    format: SheetFormat,
    options: ImportOptions,
    /** In a request a store's busy parse slot is a 429 after a while; a job waits its turn. */
    maxWaitMs = REQUEST_WAIT_MS,
  ) {
    const state = newState();
    const applyBatch = createBatchApplier(deps, ctx, options);
    try {
      return await withParsedRows(ctx.storeId, file, format, { maxWaitMs }, (batches) =>
        write(ctx, async (tx, emit) => {
          for await (const { rows } of batches) await applyBatch(tx, emit, state, rows);
          const result = { jobId: null, ...report(state, options.validateOnly) };
          if (options.validateOnly) throw new DryRun();
          return result;
        }),
      ).then((result) => {
        // Not awaited: the answer need not wait for the statistics.
        if (changedRows(state) >= STATISTICS_AFTER) void deps.refreshStatistics();
        return result;
      });
    } catch (err) {
      if (err instanceof DryRun) return { jobId: null, ...report(state, true) };
      throw err;
    }
  }

  /**
   * The job, in one pass over the file: batches of rows, each committed with its checkpoint
   * and the progress (the share of the input read), so a retry resumes where it stopped.
   */
  async function runJob(job: JobContext) {
    const { created_by: userId } = job.job;
    const storeId = job.job.store_id!;
    const { format, ...options } = job.job.payload as unknown as ImportOptions & {
      format: SheetFormat;
    };
    const file = await job.input();
    if (!file) throw new Error('the uploaded file is gone');
    const ctx = { storeId, userId: userId ?? '' };
    if (options.validateOnly) return runWhole(ctx, file, format, options, Infinity);

    // A checkpoint written before parsing moved to the worker also holds seenSkus: unused.
    const saved = job.job.checkpoint as Checkpoint | null;
    const state: ImportState = saved
      ? { summary: saved.state.summary, errors: saved.state.errors }
      : newState();
    const applyBatch = createBatchApplier(deps, ctx, options);
    await withParsedRows(
      storeId,
      file,
      format,
      { skipThrough: saved?.row ?? 0 },
      async (batches) => {
        for await (const { rows, progress } of batches) {
          if (!rows.length) continue;
          await write(ctx, async (tx, emit) => {
            await applyBatch(tx, emit, state, rows);
            const checkpoint: Checkpoint = { row: rows.at(-1)!.row, state };
            await job.progress(tx, 100 * progress, checkpoint);
          });
        }
      },
    );
    if (changedRows(state) >= STATISTICS_AFTER) await deps.refreshStatistics();
    return { jobId: job.job.id, ...report(state, false) };
  }

  jobs.register(IMPORT_JOB, runJob, { announce: 'Product import' });

  return {
    /**
     * A small file is imported in the request (200 with the report); anything larger is
     * queued at once (202 with the job id), unread: the job finds its problems.
     */
    async start(ctx: StoreContext, file: Buffer, requested: ImportOptions) {
      const options = { ...requested, costs: seesMoney(ctx.role) };
      // Adding products is everyday work; rewriting existing ones (prices, stock) from a
      // spreadsheet in one go is a manager's call (PRODUCT.md §4: inventory:write is the
      // employee's, a bulk updateExisting import is not).
      if (
        (options.updateExisting || options.updateStock) &&
        !ctx.permissions.includes('inventory:bulk_update')
      ) {
        throw new ForbiddenError(
          `As ${withArticle(ctx.role)} you can import new products only: updating existing products or their stock from a file (updateExisting, updateStock) is for managers and admins (needs inventory:bulk_update)`,
        );
      }
      const { format, inline } = await inspectUpload(file);
      if (inline) return runWhole(ctx, file, format, options);
      const accepted = await write(ctx, async (tx) => ({
        jobId: await jobs.enqueue(tx, {
          storeId: ctx.storeId,
          type: IMPORT_JOB,
          payload: { ...options, format },
          input: file,
          createdBy: ctx.userId,
        }),
        status: 'queued' as const,
      }));
      jobs.nudge();
      return accepted;
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
