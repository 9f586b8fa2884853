import { NotFoundError, UnprocessableError } from '../../core/errors';
import type { StoreContext } from '../../core/context';
import type { Db } from '../../db/pool';
import type { ProductReads } from '../products/products.reads';
import type { PurchasingService } from '../purchasing/purchasing.service';
import { renderLabels, type LabelProduct } from './labels.pdf';
import { MAX_LABELS, type LabelsInput } from './labels.schemas';

export interface LabelsDeps {
  pool: Db;
  /** Name, SKU, barcode and price of the store's products (the catalogue's reads). */
  labelsOf: ProductReads['shelfLabelsOf'];
  /** What a delivery brought (purchasing's service: its own access rules). */
  receipts: PurchasingService['receipts'];
  /** The store's name and currency. */
  storeOf: (storeId: string) => Promise<{ name: string; currency: string } | undefined>;
}

/** Shelf labels and barcode stickers as a print-ready PDF (labels.pdf.ts). */
export function createLabelsService(deps: LabelsDeps) {
  /** Which products, how many of each: as asked, or as a delivery brought them. */
  async function wanted(ctx: StoreContext, input: LabelsInput): Promise<Map<string, number>> {
    const copies = new Map<string, number>();
    if (input.items) {
      for (const i of input.items)
        copies.set(i.productId, (copies.get(i.productId) ?? 0) + i.copies);
      return copies;
    }
    const { purchaseOrderId, receiptId, perUnit } = input.receipt!;
    const all = await deps.receipts(ctx, purchaseOrderId);
    const chosen = receiptId === undefined ? all : all.filter((r) => r.id === receiptId);
    if (receiptId !== undefined && !chosen.length) throw new NotFoundError('Receipt');
    for (const line of chosen.flatMap((r) => r.lines)) {
      if (line.quantity <= 0) continue;
      const had = copies.get(line.productId) ?? 0;
      copies.set(line.productId, perUnit ? had + line.quantity : 1);
    }
    return copies;
  }

  return {
    async pdf(ctx: StoreContext, input: LabelsInput): Promise<Buffer> {
      const copies = await wanted(ctx, input);
      const total = [...copies.values()].reduce((a, b) => a + b, 0);
      if (total === 0)
        throw new UnprocessableError('Nothing to label: the delivery brought no units');
      if (total > MAX_LABELS) {
        throw new UnprocessableError(
          `That is ${total} labels; at most ${MAX_LABELS} fit in one file: print per product`,
        );
      }
      const store = await deps.storeOf(ctx.storeId);
      if (!store) throw new NotFoundError('Store');
      const facts = await deps.labelsOf(deps.pool, ctx.storeId, [...copies.keys()]);
      const missing = [...copies.keys()].find((id) => !facts.has(id));
      if (missing) throw new NotFoundError('Product');
      const products: LabelProduct[] = [...facts].map(([id, f]) => ({
        ...f,
        copies: copies.get(id)!,
      }));
      return renderLabels(products, {
        kind: input.kind,
        paper: input.paper,
        currency: store.currency,
        title: `${store.name}: ${input.kind === 'shelf' ? 'shelf labels' : 'barcode labels'}`,
      });
    },
  };
}

export type LabelsService = ReturnType<typeof createLabelsService>;
