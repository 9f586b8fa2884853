import type { Pool } from 'pg';
import { withTransaction } from '../../../db/pool';
import type { StoreContext } from '../../../http/request-types';
import type { CategoriesService } from '../../categories/categories.service';
import type { StoreWriter } from '../../events/events.service';
import type { JobContext, JobsService } from '../../jobs/jobs.service';
import type { SuppliersService } from '../../suppliers/suppliers.service';
import type { CommitHook, StockService } from '../stock.service';
import { createRowApplier, newState, type ImportOptions, type ImportState } from './import-apply';
import { readRows, type ImportFormat } from './import-file';

/** Files up to this size import in the request; larger ones become a job with progress. */
export const INLINE_IMPORT_BYTES = 256 * 1024;
const BATCH_ROWS = 500;
export const IMPORT_JOB = 'products.import';

interface Deps {
  pool: Pool;
  write: StoreWriter;
  jobs: JobsService;
  categories: CategoriesService;
  suppliers: SuppliersService;
  stock: StockService;
}

const report = (state: ImportState, validateOnly: boolean) => ({
  validateOnly,
  summary: state.summary,
  errors: state.errors,
});

/** Thrown to roll a validate-only run back after it has checked every row for real. */
class DryRun extends Error {}

export function createImportService(deps: Deps) {
  const { pool, write, jobs } = deps;

  /** Every row in one transaction: the inline path, and every validate-only run. */
  async function runWhole(
    ctx: Pick<StoreContext, 'storeId' | 'userId'>,
    file: Buffer,
    format: ImportFormat,
    options: ImportOptions,
    commit?: CommitHook,
  ) {
    const state = newState();
    const applyRow = createRowApplier(deps, ctx, options);
    const body = async (
      tx: Parameters<Parameters<StoreWriter>[1]>[0],
      emit: Parameters<Parameters<StoreWriter>[1]>[1],
    ) => {
      for await (const { row, record } of readRows(file, format))
        await applyRow(tx, emit, state, row, record);
      const result = { jobId: null, ...report(state, options.validateOnly) };
      if (options.validateOnly) throw new DryRun();
      await commit?.(tx, result, 200);
      return result;
    };
    try {
      return await write(ctx.storeId, body);
    } catch (err) {
      if (err instanceof DryRun) return { jobId: null, ...report(state, true) };
      throw err;
    }
  }

  /** The job: batches of rows, each committed with its checkpoint, so a retry resumes. */
  async function runJob(job: JobContext) {
    const { created_by: userId } = job.job;
    const storeId = job.job.store_id!;
    const { format, ...options } = job.job.payload as unknown as ImportOptions & {
      format: ImportFormat;
    };
    const file = await job.input();
    if (!file) throw new Error('the uploaded file is gone');
    const ctx = { storeId, userId: userId ?? '' };
    if (options.validateOnly) return runWhole(ctx, file, format, options);

    let totalRows = 0;
    for await (const _ of readRows(file, format)) totalRows++;
    const saved = job.job.checkpoint as {
      row: number;
      state: Omit<ImportState, 'seenSkus'> & { seenSkus: string[] };
    } | null;
    const state: ImportState = saved
      ? { ...saved.state, seenSkus: new Set(saved.state.seenSkus) }
      : newState();
    const resumeAfter = saved?.row ?? 0;
    const applyRow = createRowApplier(deps, ctx, options);
    let batch: Array<{ row: number; record: Record<string, unknown> }> = [];
    let done = 0;
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      await write(storeId, async (tx, emit) => {
        for (const r of rows) await applyRow(tx, emit, state, r.row, r.record);
        done += rows.length;
        await job.progress(tx, (100 * done) / Math.max(1, totalRows), {
          row: rows.at(-1)!.row,
          state: { ...state, seenSkus: [...state.seenSkus] },
        });
      });
    };
    for await (const r of readRows(file, format)) {
      if (r.row <= resumeAfter) {
        done++;
        continue;
      }
      batch.push(r);
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    return { jobId: job.job.id, ...report(state, false) };
  }

  jobs.register(IMPORT_JOB, runJob);

  return {
    async start(
      ctx: StoreContext,
      file: { buffer: Buffer; format: ImportFormat },
      options: ImportOptions,
      commit?: CommitHook,
    ): Promise<{ status: 200 | 202; body: unknown }> {
      if (file.buffer.length <= INLINE_IMPORT_BYTES) {
        return {
          status: 200,
          body: await runWhole(ctx, file.buffer, file.format, options, commit),
        };
      }
      // Check the header now, so an unreadable file is refused before a job is queued.
      for await (const _ of readRows(file.buffer, file.format)) break;
      const body = await withTransaction(pool, async (tx) => {
        const jobId = await jobs.enqueue(tx, {
          storeId: ctx.storeId,
          type: IMPORT_JOB,
          payload: { ...options, format: file.format },
          input: file.buffer,
          createdBy: ctx.userId,
        });
        const accepted = { jobId, status: 'queued' as const };
        await commit?.(tx, accepted, 202);
        return accepted;
      });
      jobs.nudge();
      return { status: 202, body };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
