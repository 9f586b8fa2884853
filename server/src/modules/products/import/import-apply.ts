import type { PoolClient } from 'pg';
import { AppError, type ErrorDetail } from '../../../core/errors';
import type { StoreContext } from '../../../core/context';
import type { CategoriesService } from '../../categories/categories.service';
import type { Emit } from '../../../core/events';
import type { SuppliersService } from '../../suppliers/suppliers.service';
import * as products from '../products.repo';
import { toColumns } from '../product-mapper';
import { updateWithHistory } from '../product-update';
import type { InventoryService } from '../../inventory/inventory.service';
import type { ParsedRow } from './import-parse';
import type { ImportRow } from './import-row';

export interface ImportOptions {
  validateOnly: boolean;
  skipDuplicates: boolean;
  updateExisting: boolean;
  /**
   * With updateExisting: also set existing products' stock to the file's `quantity`, like a
   * count. Off by default, so re-importing an old export to fix prices cannot undo the sales
   * and deliveries recorded since.
   */
  updateStock: boolean;
  /**
   * Whether rows may set a cost: false for a role that may not see costs (core/money.ts), whose
   * rows with a cost are refused. Set by the service from the role, never by the request.
   */
  costs?: boolean;
}

export interface ImportState {
  summary: {
    total: number;
    created: number;
    updated: number;
    /** Existing products the row left as they were. */
    unchanged: number;
    skipped: number;
    failed: number;
  };
  errors: Array<{ row: number; field: string; message: string }>;
}

export const MAX_REPORTED_ERRORS = 1000;

export const newState = (): ImportState => ({
  summary: { total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
  errors: [],
});

interface Deps {
  categories: CategoriesService;
  suppliers: SuppliersService;
  inventory: InventoryService;
}

class RowError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('row refused');
  }
}

const FORMULA = /^'[=+\-@\t\r]/;
const unescapeText = <T extends string | null | undefined>(v: T): T =>
  (v && FORMULA.test(v) ? v.slice(1) : v) as T;
const TEXT_FIELDS = [
  'sku',
  'barcode',
  'name',
  'description',
  'category',
  'supplier',
  'brand',
  'department',
  'unit',
  'aisle',
  'row',
  'bin',
] as const;

/** The export quotes text that starts like a formula (export.service.ts); a round trip takes it off. */
export function unescapeRow(row: ImportRow): ImportRow {
  const out: Record<string, unknown> = { ...row };
  for (const k of TEXT_FIELDS) out[k] = unescapeText(row[k]);
  return out as ImportRow;
}

/** A row's product fields as the products' API input, with its category's and supplier's ids. */
export function importInput(
  row: ImportRow,
  ids: { categoryId?: string; supplierId?: string } = {},
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    description: row.description,
    brand: row.brand,
    department: row.department,
    unit: row.unit,
    packSize: row.packSize,
    price: row.price,
    cost: row.cost,
    reorderPoint: row.reorderPoint,
    reorderQuantity: row.reorderQuantity,
    expiresAt: row.expiresAt,
    active: row.active,
    categoryId: ids.categoryId,
    supplierId: ids.supplierId,
  };
  if (row.aisle !== undefined || row.row !== undefined || row.bin !== undefined) {
    input.location = { aisle: row.aisle ?? null, row: row.row ?? null, bin: row.bin ?? null };
  }
  for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
  return input;
}

/** Counts a refused row and reports its errors (the first MAX_REPORTED_ERRORS of the import). */
export function recordFailure(state: ImportState, row: number, details: ErrorDetail[]) {
  state.summary.failed++;
  for (const d of details) {
    if (state.errors.length < MAX_REPORTED_ERRORS)
      state.errors.push({ row, field: d.field, message: d.message });
  }
}

/**
 * Applies one row (already checked by the parse worker) inside its own savepoint: a refused row (bad value, duplicate, unknown
 * supplier, unique violation) is rolled back alone and reported with its row number.
 */
export function createRowApplier(
  deps: Deps,
  ctx: Pick<StoreContext, 'storeId' | 'userId'>,
  options: ImportOptions,
  /** Category name (lower case) → id, shared with the batch applier (import-batch.ts). */
  categoryIds = new Map<string, string>(),
) {
  /** Categories the current row looked up (or created): forgotten if the row is rolled back. */
  let createdNow: string[] = [];

  async function apply(tx: PoolClient, emit: Emit, quoted: ImportRow) {
    const row = unescapeRow(quoted);
    const refuse = (field: string, message: string) => {
      throw new RowError([{ field, message, code: 'invalid' }]);
    };
    if (options.costs === false && row.cost !== undefined) {
      refuse('cost', 'your role cannot set costs (needs reports:view): leave the column empty');
    }
    let categoryId: string | undefined;
    if (row.category) {
      const key = row.category.toLowerCase();
      categoryId = categoryIds.get(key);
      if (!categoryId) {
        categoryId = await deps.categories.idForName(tx, ctx.storeId, row.category);
        categoryIds.set(key, categoryId);
        createdNow.push(key);
      }
    }
    const supplierId = row.supplier
      ? await deps.suppliers.idForName(tx, ctx.storeId, row.supplier)
      : undefined;
    if (row.supplier && !supplierId)
      refuse('supplier', `no supplier named "${row.supplier}" in this store`);

    const input = importInput(row, { categoryId, supplierId });

    const existing = row.sku ? await products.findBySku(tx, ctx.storeId, row.sku) : undefined;
    if (existing) {
      if (options.skipDuplicates) return 'skipped' as const;
      if (!options.updateExisting)
        refuse('sku', 'already exists; choose "skip duplicates" or "update existing"');
      const fields = await updateWithHistory(tx, emit, ctx, existing.id, input, 'import');
      const delta =
        options.updateStock && row.quantity !== undefined ? row.quantity - existing.quantity : 0;
      if (delta)
        await deps.inventory.move(tx, emit, ctx, existing.id, delta, 'import', { note: 'Import' });
      return fields.length || delta ? ('updated' as const) : ('unchanged' as const);
    }
    const sku =
      row.sku ??
      `IMP-${Date.now().toString(36).toUpperCase()}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
    const id = await products.insert(tx, ctx.storeId, toColumns({ ...input, sku }));
    if (row.quantity)
      await deps.inventory.move(tx, emit, ctx, id, row.quantity, 'import', { note: 'Import' });
    await emit('product.created', { productId: id, name: input.name as string, source: 'import' });
    return 'created' as const;
  }

  return async function applyRow(
    tx: PoolClient,
    emit: Emit,
    state: ImportState,
    parsed: ParsedRow,
  ) {
    const { row } = parsed;
    state.summary.total++;
    const fail = (details: ErrorDetail[]) => recordFailure(state, row, details);
    if ('errors' in parsed) return fail(parsed.errors);
    await tx.query('SAVEPOINT import_row');
    createdNow = [];
    try {
      const outcome = await apply(tx, emit, parsed.value);
      await tx.query('RELEASE SAVEPOINT import_row');
      state.summary[outcome]++;
    } catch (err) {
      await tx.query('ROLLBACK TO SAVEPOINT import_row');
      // A category the row created is gone with it: the next row naming it creates it anew.
      for (const key of createdNow) categoryIds.delete(key);
      if (err instanceof RowError) return fail(err.details);
      if (err instanceof AppError && Array.isArray(err.details))
        return fail(err.details as ErrorDetail[]);
      if (err instanceof AppError)
        return fail([{ field: 'row', message: err.message, code: err.code }]);
      throw err;
    }
  };
}
