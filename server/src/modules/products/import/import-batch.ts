import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { AppError, type ErrorDetail } from '../../../core/errors';
import type { Emit } from '../../../core/events';
import type { StoreContext } from '../../../core/context';
import { isUniqueViolation } from '../../../db/pool';
import type { CategoriesService } from '../../categories/categories.service';
import type { InventoryService } from '../../inventory/inventory.service';
import type { SuppliersService } from '../../suppliers/suppliers.service';
import { toColumns } from '../product-mapper';
import { COLUMNS } from '../products.repo';
import { codesTaken, insertMany } from './import-batch.repo';
import {
  createRowApplier,
  importInput,
  recordFailure,
  unescapeRow,
  type ImportOptions,
  type ImportState,
} from './import-apply';
import type { ParsedRow } from './import-parse';
import type { ImportRow } from './import-row';

interface Deps {
  categories: CategoriesService;
  suppliers: SuppliersService;
  inventory: InventoryService;
}

type Ctx = Pick<StoreContext, 'storeId' | 'userId'>;

/** A row that can only create a product, or is refused without touching the database. */
interface NewRow {
  parsed: ParsedRow;
  /** The row with the export's formula quotes taken off (unset: refused by the parse). */
  value?: ImportRow;
  refused?: ErrorDetail[];
  supplierId?: string;
}

const lower = (sku: string | undefined) => sku?.toLowerCase();
const generatedSku = () =>
  `IMP-${Date.now().toString(36).toUpperCase()}-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
const refusal = (field: string, message: string): ErrorDetail[] => [
  { field, message, code: 'invalid' },
];

/** Counts the rows written set-wise, and reports the refused ones, in row order. */
function count(state: ImportState, rows: NewRow[], created: Set<number>) {
  for (const r of rows) {
    state.summary.total++;
    if (r.refused) recordFailure(state, r.parsed.row, r.refused);
    else if (created.has(r.parsed.row)) state.summary.created++;
  }
}

/**
 * Applies a batch of parsed rows with the outcome the row applier (import-apply.ts) gives
 * row by row: the same products, opening stock movements, events in the same order, errors
 * for the same rows. A row that can only create a product (its SKU and barcode on no product
 * of the store and on no other row of the batch) is written with the others like it in a few
 * statements; any other row (an existing SKU to skip, refuse or update; a code another row
 * shares) goes through the row applier in its place, after the new rows before it.
 */
export function createBatchApplier(deps: Deps, ctx: Ctx, options: ImportOptions) {
  // Shared with the row applier: a category is looked up (or created) once per import.
  const categoryIds = new Map<string, string>();
  const applyRow = createRowApplier(deps, ctx, options, categoryIds);

  /** The valid rows that must go one at a time: a code the store has, or another row shares. */
  async function oneAtATime(tx: PoolClient, rows: ParsedRow[]) {
    const valid = rows.flatMap((r) =>
      'value' in r ? [{ row: r.row, v: unescapeRow(r.value) }] : [],
    );
    const skus = new Map<string, number>();
    const barcodes = new Map<string, number>();
    for (const { v } of valid) {
      const sku = lower(v.sku);
      if (sku) skus.set(sku, (skus.get(sku) ?? 0) + 1);
      if (v.barcode) barcodes.set(v.barcode, (barcodes.get(v.barcode) ?? 0) + 1);
    }
    const taken = await codesTaken(
      tx,
      ctx.storeId,
      valid.flatMap(({ v }) => (v.sku ? [v.sku] : [])),
      [...barcodes.keys()],
    );
    const one = new Set<number>();
    for (const { row, v } of valid) {
      if (v.sku && (taken.skus.has(v.sku) || skus.get(lower(v.sku)!)! > 1)) one.add(row);
      if (v.barcode && (taken.barcodes.has(v.barcode) || barcodes.get(v.barcode)! > 1))
        one.add(row);
    }
    return one;
  }

  /** Each supplier name the new rows give → its id, or the errors a row naming it gets. */
  async function suppliersOf(tx: PoolClient, rows: ImportRow[]) {
    const found = new Map<string, { id?: string; errors?: ErrorDetail[] }>();
    for (const { supplier } of rows) {
      if (!supplier || found.has(supplier)) continue;
      try {
        const id = await deps.suppliers.idForName(tx, ctx.storeId, supplier);
        found.set(
          supplier,
          id
            ? { id }
            : { errors: refusal('supplier', `no supplier named "${supplier}" in this store`) },
        );
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const errors = Array.isArray(err.details)
          ? (err.details as ErrorDetail[])
          : [{ field: 'row', message: err.message, code: err.code }];
        found.set(supplier, { errors });
      }
    }
    return found;
  }

  /** The new rows' products and opening stock, in a few statements; their events, row by row. */
  async function insertNew(tx: PoolClient, emit: Emit, rows: NewRow[]) {
    const created: Array<{ id: string; row: number; name: string; quantity?: number }> = [];
    const records: Array<Record<string, unknown>> = [];
    for (const r of rows) {
      if (r.refused) continue;
      const value = r.value!;
      let categoryId: string | undefined;
      if (value.category) {
        const key = value.category.toLowerCase();
        categoryId = categoryIds.get(key);
        if (!categoryId) {
          categoryId = await deps.categories.idForName(tx, ctx.storeId, value.category);
          categoryIds.set(key, categoryId);
        }
      }
      const input = importInput(value, { categoryId, supplierId: r.supplierId });
      const id = randomUUID();
      const record: Record<string, unknown> = { id };
      for (const [k, v] of Object.entries(
        toColumns({ ...input, sku: value.sku ?? generatedSku() }),
      ))
        record[COLUMNS[k as keyof typeof COLUMNS]] = v;
      records.push(record);
      created.push({ id, row: r.parsed.row, name: value.name, quantity: value.quantity });
    }
    await insertMany(tx, ctx.storeId, records);
    // Opening stock through the ledger in one call; its events are told with each row's below.
    const told = new Map<string, Array<Parameters<Emit>>>();
    const hold: Emit = async (...event) => {
      const id = (event[1] as { productId: string }).productId;
      told.set(id, [...(told.get(id) ?? []), event]);
    };
    const opening = created.flatMap((c) =>
      c.quantity ? [{ productId: c.id, delta: c.quantity }] : [],
    );
    await deps.inventory.moveMany(tx, hold, ctx, opening, 'import', {
      note: 'Import',
      locked: true,
    });
    for (const c of created) {
      for (const event of told.get(c.id) ?? []) await emit(...event);
      await emit('product.created', { productId: c.id, name: c.name, source: 'import' });
    }
    return new Set(created.map((c) => c.row));
  }

  /**
   * Writes the rows gathered so far and counts them. Should a concurrent writer take one of
   * their codes meanwhile (a unique violation), they are rolled back and go one at a time.
   */
  async function write(tx: PoolClient, emit: Emit, state: ImportState, rows: NewRow[]) {
    if (!rows.length) return;
    if (rows.every((r) => r.refused)) return count(state, rows, new Set());
    const known = new Set(categoryIds.keys());
    await tx.query('SAVEPOINT import_batch');
    let created: Set<number>;
    try {
      created = await insertNew(tx, emit, rows);
      await tx.query('RELEASE SAVEPOINT import_batch');
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await tx.query('ROLLBACK TO SAVEPOINT import_batch');
      for (const key of categoryIds.keys()) if (!known.has(key)) categoryIds.delete(key);
      for (const r of rows) await applyRow(tx, emit, state, r.parsed);
      return;
    }
    count(state, rows, created);
  }

  return async function applyBatch(
    tx: PoolClient,
    emit: Emit,
    state: ImportState,
    rows: ParsedRow[],
  ) {
    const one = await oneAtATime(tx, rows);
    const fresh = rows.flatMap((r) =>
      'value' in r && !one.has(r.row) ? [unescapeRow(r.value)] : [],
    );
    const suppliers = await suppliersOf(tx, fresh);
    let pending: NewRow[] = [];
    for (const parsed of rows) {
      if ('errors' in parsed) {
        pending.push({ parsed, refused: parsed.errors });
        continue;
      }
      if (one.has(parsed.row)) {
        await write(tx, emit, state, pending);
        pending = [];
        await applyRow(tx, emit, state, parsed);
        continue;
      }
      // The row applier's checks, in its order: the cost the role may set, then the supplier.
      const value = unescapeRow(parsed.value);
      const entry: NewRow = { parsed, value };
      if (options.costs === false && value.cost !== undefined)
        entry.refused = refusal(
          'cost',
          'your role cannot set costs (needs reports:view): leave the column empty',
        );
      else if (value.supplier) {
        const s = suppliers.get(value.supplier)!;
        if (s.errors) entry.refused = s.errors;
        else entry.supplierId = s.id;
      }
      pending.push(entry);
    }
    await write(tx, emit, state, pending);
  };
}
