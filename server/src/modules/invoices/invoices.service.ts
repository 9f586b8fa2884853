import type { Pool } from 'pg';
import type { Db } from '../../db/pool';
import type { StoreContext } from '../../core/context';
import { decodeCursor } from '../../core/cursor';
import { InvalidStateError, NotFoundError, ValidationError } from '../../core/errors';
import { keysetPage } from '../../core/paging';
import type { StoreWriter } from '../events/events.service';
import type { SuppliersService } from '../suppliers/suppliers.service';
import { setSupplierInTx, updateLineInTx } from './invoice-corrections';
import { createInvoiceDetail } from './invoice-detail';
import { invoiceLines } from './invoice-lines';
import { invoiceOriginals, type InvoiceFiles } from './invoice-original';
import { matchInvoiceLines } from './invoice-matching';
import { createInvoiceViews } from './invoice-views';
import { payInTx } from './invoice-payment';
import { checkDecisions, planFor } from './invoice-plan';
import { readInvoiceFile } from './invoice-read';
import type { OcrEngine } from '../../files/ocr/ocr-read';
import { reconcileInTx, type ReconcileDeps } from './invoice-reconcile';
import * as lineRepo from './invoice-lines.repo';
import * as repo from './invoices.repo';
import type {
  ListInvoicesQuery,
  ReconcileInput,
  ReconcilePreviewInput,
  StatusInput,
  UpdateInvoiceInput,
  UpdateLineInput,
} from './invoices.schemas';
import type { LookupsPort } from './lookups-port';
import type { PurchasingPort } from './purchasing-port';

interface Deps {
  pool: Pool;
  write: StoreWriter;
  timezoneOf(ctx: StoreContext): Promise<string>;
  suppliers: Pick<SuppliersService, 'get' | 'idForName'>;
  purchasing: PurchasingPort;
  /** The catalogue, the supplier's items and the names an invoice shows (lookups-port.ts). */
  lookups: LookupsPort;
  setCost: ReconcileDeps['setCost'];
  /** Where the uploaded file is kept (the files module). */
  files: InvoiceFiles;
  /** The OCR engines scans are read with (config.ocr). */
  ocr: OcrEngine;
}

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** "C:\\fakepath\\inv.csv" → "inv.csv"; never empty, at most 255 characters. */
const fileNameOf = (name: string) =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join('')
    .slice(-255) || 'invoice';

export function createInvoicesService(deps: Deps) {
  const { pool, write, timezoneOf, suppliers, purchasing, lookups } = deps;
  const productsExist = (db: Db, ids: string[], storeId: string) =>
    lookups.products.existing(db, storeId, ids);

  const views = createInvoiceViews(lookups);
  const originals = invoiceOriginals(deps.files);
  const detail = createInvoiceDetail({ pool, timezoneOf, purchasing, lookups, views });

  async function supplierFor(
    ctx: StoreContext,
    supplierId: string | undefined,
    name: string | null,
  ) {
    if (supplierId) {
      try {
        await suppliers.get(ctx, supplierId);
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        throw new ValidationError([
          { field: 'supplierId', message: 'no such supplier in this store', code: 'not_found' },
        ]);
      }
      return supplierId;
    }
    if (!name) return null;
    // Two suppliers of one name: leave it to the person to pick, do not refuse the file.
    return suppliers
      .idForName(pool, ctx.storeId, name)
      .catch(() => undefined)
      .then((id) => id ?? null);
  }

  return {
    /**
     * Reads the file (outside any transaction), matches its lines, then stores the invoice and
     * its lines in one transaction: a file that cannot be read leaves nothing behind.
     */
    async upload(
      ctx: StoreContext,
      file: UploadedFile,
      fields: { supplierId?: string; invoiceNumber?: string; invoiceDate?: string },
    ) {
      const { type, invoice } = await readInvoiceFile(file.buffer, ctx.storeId, deps.ocr);
      const supplierId = await supplierFor(ctx, fields.supplierId, invoice.supplierName);
      const matched = await matchInvoiceLines(lookups, pool, ctx.storeId, invoice.lines, {
        supplierId,
        context: supplierId
          ? (productIds) => purchasing.invoiceContext(pool, ctx.storeId, supplierId, productIds)
          : undefined,
      });
      const original = await originals.store(ctx, file, type);
      const invoiceId = await write(ctx, async (tx, emit) => {
        const id = await repo.insertInvoice(tx, ctx.storeId, {
          ...invoice,
          invoiceNumber: fields.invoiceNumber ?? invoice.invoiceNumber,
          invoiceDate: fields.invoiceDate ?? invoice.invoiceDate,
          supplierId,
          purchaseOrderId: matched.order?.order.id ?? null,
          fileName: fileNameOf(file.originalname),
          fileType: type,
          fileSize: file.size,
          createdBy: ctx.userId,
        });
        await lineRepo.insertLines(tx, ctx.storeId, id, invoice.lines, matched.lines);
        await deps.files.recordInTx(tx, ctx, original, 'invoice', id);
        await emit('invoice.updated', { invoiceId: id, status: 'pending', change: 'uploaded' });
        return id;
      }).catch(async (err: unknown) => {
        await deps.files.discard(original);
        throw err;
      });
      const { warnings, ...extracted } = invoice;
      const stored = await detail(ctx, invoiceId);
      return {
        invoiceId,
        status: stored.status,
        extractedData: extracted,
        matchingResults: stored.matchingResults,
        warnings,
        invoice: { ...stored, matchingResults: undefined, settles: undefined },
      };
    },

    get: (ctx: StoreContext, id: string) => detail(ctx, id),

    /** The file the invoice was read from, as it was uploaded. */
    original: (ctx: StoreContext, id: string) => originals.open(ctx, id),

    async list(ctx: StoreContext, q: ListInvoicesQuery) {
      const after = q.cursor ? decodeCursor(q.cursor, ['timestamp', 'uuid']) : undefined;
      const { items, total } = await views.list(
        pool,
        ctx.storeId,
        await timezoneOf(ctx),
        q,
        after && { createdAt: String(after[0]), id: String(after[1]) },
      );
      const { page, pagination } = keysetPage(items, q, total, (last) => [
        last.key,
        last.invoice.id,
      ]);
      return { items: page.map((i) => i.invoice), pagination };
    },

    /** Paid or pending again; paying what is not reconciled or does not add up is confirmed. */
    async setStatus(ctx: StoreContext, id: string, input: StatusInput) {
      await write(ctx, (tx, emit) => payInTx(tx, emit, ctx, id, input));
      return detail(ctx, id);
    },

    /** A corrected match saved before reconciling: a product picked, created, or none. */
    async updateLine(ctx: StoreContext, id: string, lineId: string, input: UpdateLineInput) {
      await write(ctx, (tx, emit) =>
        updateLineInTx(tx, emit, ctx, purchasing, lookups, id, lineId, input),
      );
      return detail(ctx, id);
    },

    /**
     * The supplier set (or corrected) after upload, before reconciling: the lines are matched
     * again with it and the three-way match sees its orders and deliveries.
     */
    /**
     * Corrects the header: the supplier (lines matched again, until it is reconciled) and the
     * number and date (at any time: they change no stock or cost).
     */
    async update(ctx: StoreContext, id: string, input: UpdateInvoiceInput) {
      const { supplierId: asked, ...details } = input;
      const supplierId = asked && (await supplierFor(ctx, asked, null))!;
      await write(ctx, async (tx, emit) => {
        if (Object.keys(details).length) {
          const invoice = await repo.lockInvoice(tx, ctx.storeId, id);
          if (!invoice) throw new NotFoundError('Invoice');
          await repo.setDetails(tx, ctx.storeId, id, details);
          await emit('invoice.updated', {
            invoiceId: id,
            status: invoice.status,
            change: 'details',
          });
        }
        if (supplierId) await setSupplierInTx(tx, emit, ctx, purchasing, lookups, id, supplierId);
      });
      return detail(ctx, id);
    },

    /**
     * What reconciling with these choices would do, line by line, and what still stops it (the
     * details a reconcile would answer 400 with): nothing is written.
     */
    async preview(ctx: StoreContext, id: string, input: ReconcilePreviewInput) {
      const invoice = await repo.find(pool, ctx.storeId, await timezoneOf(ctx), id);
      if (!invoice) throw new NotFoundError('Invoice');
      if (invoice.reconciled_at)
        throw new InvalidStateError('This invoice is reconciled: there is nothing left to decide');
      const lines = await invoiceLines(lookups, pool, ctx.storeId, id);
      await checkDecisions(
        pool,
        (db, ids) => productsExist(db, ids, ctx.storeId),
        lines,
        input.lines,
        false,
      );
      const plan = await planFor(pool, purchasing, ctx.storeId, invoice, lines, input);
      const shown = await detail(
        ctx,
        id,
        pool,
        new Map(plan.lines.map((p) => [p.line.lineId, p.threeWay])),
      );
      return { ...shown, problems: plan.problems, ready: plan.problems.length === 0 };
    },

    async reconcile(ctx: StoreContext, id: string, input: ReconcileInput) {
      return write(ctx, async (tx, emit) => {
        await reconcileInTx(
          tx,
          emit,
          ctx,
          {
            purchasing,
            lookups,
            productsExist: (db, ids) => productsExist(db, ids, ctx.storeId),
            setCost: deps.setCost,
          },
          id,
          input,
        );
        return detail(ctx, id, tx);
      });
    },
  };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
