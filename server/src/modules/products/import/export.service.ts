import type ExcelJSModule from 'exceljs';
import type { Writable } from 'node:stream';
import type { Pool } from 'pg';
import type { StoreContext } from '../../../core/context';
import { seesMoney } from '../../../core/money';
import { neutraliseFormula, writeCsv, type CsvCell } from '../../../files/csv';
import { listProducts } from '../products-list.repo';
import type { ProductReads } from '../products.reads';
import type { ProductRow } from '../products.repo';
import type { ListProductsQuery } from '../products.schemas';

/** The columns of an export, which the import reads back (a round trip keeps everything). */
export const EXPORT_COLUMNS = [
  'sku',
  'barcode',
  'name',
  'description',
  'category',
  'supplier',
  'brand',
  'department',
  'unit',
  'packSize',
  'price',
  'cost',
  'reorderPoint',
  'reorderQuantity',
  'aisle',
  'row',
  'bin',
  'expiresAt',
  'active',
  'quantity',
] as const;

const BATCH = 1000;
/** Text that starts like a formula is quoted (files/csv.ts), in the XLSX too. */
const guard = neutraliseFormula;

function toLine(r: ProductRow): CsvCell[] {
  return [
    guard(r.sku),
    guard(r.barcode),
    guard(r.name),
    guard(r.description),
    guard(r.category_name),
    guard(r.supplier_name),
    guard(r.brand),
    guard(r.department),
    guard(r.unit),
    r.pack_size,
    Number(r.price),
    r.cost === null ? null : Number(r.cost),
    r.reorder_point,
    r.reorder_quantity,
    guard(r.location_aisle),
    guard(r.location_row),
    guard(r.location_bin),
    r.expires_at,
    r.active,
    r.quantity,
  ];
}

/** Every product of the store, read in keyset batches so memory stays flat at any size. */
async function* allRows(pool: Pool, storeId: string, named: ProductReads['named']) {
  const q = { page: 1, limit: BATCH, order: 'asc', sort: 'name' } as ListProductsQuery;
  let after: { value: unknown; id: string } | undefined;
  for (;;) {
    const { rows } = await listProducts(
      pool,
      storeId,
      q,
      after ?? { value: '', id: '00000000-0000-0000-0000-000000000000' },
    );
    const page = await named(pool, storeId, rows.slice(0, BATCH));
    for (const r of page) yield r;
    if (rows.length <= BATCH) return;
    const last = page.at(-1)!;
    after = { value: last.name, id: last.id };
  }
}

const COST = EXPORT_COLUMNS.indexOf('cost');

/**
 * The columns the caller may see: without the money permission the file has no cost column
 * (the import then leaves costs as they are), rather than an empty one that reads as "no cost".
 */
function layoutFor(ctx: StoreContext) {
  if (seesMoney(ctx.role)) return { columns: [...EXPORT_COLUMNS], line: toLine };
  return {
    columns: EXPORT_COLUMNS.filter((c) => c !== 'cost'),
    line: (r: ProductRow) => toLine(r).filter((_, i) => i !== COST),
  };
}

/**
 * ExcelJS is loaded on first use: it costs half a second to load, and most processes never
 * write a workbook. `require`, not `import()`: the build is CommonJS.
 */
function loadExcelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJSModule;
}

/** Until `out` has room again, or is closed (a download given up never drains). */
const room = (out: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });

export function createExportService({ pool, named }: { pool: Pool; named: ProductReads['named'] }) {
  return {
    async csv(ctx: StoreContext, out: Writable) {
      const { columns, line } = layoutFor(ctx);
      async function* lines() {
        for await (const r of allRows(pool, ctx.storeId, named)) yield line(r);
      }
      await writeCsv(out, columns, lines());
    },

    async xlsx(ctx: StoreContext, out: Writable) {
      const ExcelJS = loadExcelJs();
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
      });
      const { columns, line } = layoutFor(ctx);
      const sheet = book.addWorksheet('Products');
      sheet.addRow(columns).commit();
      for await (const r of allRows(pool, ctx.storeId, named)) {
        sheet.addRow(line(r)).commit();
        // The workbook's zip writes into `out` without waiting: a slow download would pile up
        // in memory, so the next row waits until `out` has room again.
        if (out.writableNeedDrain) await room(out);
        if (out.destroyed) return; // the client went away
      }
      sheet.commit();
      await book.commit();
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
