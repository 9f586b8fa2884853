import { distinctIds } from '../../core/ids';
import { NotFoundError } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { CategoryReads } from '../categories/categories.reads';
import type { FileReads } from '../files/files.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';
import * as facts from './catalogue-facts.repo';
import * as costHistory from './cost-history.repo';
import { toProduct, type Product } from './product-mapper';
import * as matching from './product-matching.repo';
import * as repo from './products.repo';

export interface ProductReadsDeps {
  /** The categories module's names (a product shows its category's). */
  categoryNames: CategoryReads['namesOf'];
  /** The suppliers module's names (a product shows its supplier's). */
  supplierNames: SupplierReads['namesOf'];
  /** The files module's pictures (a product shows its image). */
  productImages: FileReads['productImages'];
}

/**
 * What other modules may read of the catalogue (this module owns `products` but for the stock
 * columns, which are inventory's): functions of a `Db` that need only other modules' reads, so
 * the composition root builds them before any service and hands them to `inventory`,
 * `categories` and `suppliers` (which the products service itself needs) and to every module
 * that shows a product, instead of a JOIN on `products`.
 */
export function createProductReads(deps: ProductReadsDeps) {
  /** Rows with their category's and supplier's names and images: one query each for a page. */
  async function named(
    db: Db,
    storeId: string,
    rows: readonly repo.CatalogueRow[],
  ): Promise<repo.ProductRow[]> {
    const categories = await deps.categoryNames(
      db,
      storeId,
      rows.map((r) => r.category_id),
    );
    const suppliers = await deps.supplierNames(
      db,
      storeId,
      rows.map((r) => r.supplier_id),
    );
    const images = await deps.productImages(
      db,
      storeId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      ...r,
      category_name: r.category_id ? (categories.get(r.category_id) ?? null) : null,
      supplier_name: r.supplier_id ? (suppliers.get(r.supplier_id) ?? null) : null,
      image: images.get(r.id) ?? null,
    }));
  }

  return {
    named,

    /** The product as the API shows it, read in `db` (another module's transaction). */
    async view(db: Db, storeId: string, id: string): Promise<Product> {
      const row = await repo.find(db, storeId, id);
      if (!row) throw new NotFoundError('Product');
      return toProduct((await named(db, storeId, [row]))[0]!);
    },

    /** A product's cost edits around a moment, for the cost in force then (inventory's asOf). */
    costEditsAround: costHistory.costEditsAround,

    /** Products per category among `ids` (a category without any is absent). */
    countsByCategory: (db: Db, storeId: string, ids: readonly string[]) =>
      repo.countsBy(db, storeId, 'category_id', ids),

    /** Products per supplier (their own supplier) among `ids`. */
    countsBySupplier: (db: Db, storeId: string, ids: readonly string[]) =>
      repo.countsBy(db, storeId, 'supplier_id', ids),

    /** Name, SKU and barcode of these products, by name then id (ids not of the store absent). */
    labelsOf: (db: Db, storeId: string, ids: Iterable<string | null>) =>
      repo.labelsOf(db, storeId, distinctIds(ids)),

    /** Name, SKU, barcode and price of these products, by name then id (shelf labels). */
    shelfLabelsOf: (db: Db, storeId: string, ids: Iterable<string | null>) =>
      repo.shelfLabelsOf(db, storeId, distinctIds(ids)),

    /** The store's products with these SKUs (any letter case), by SKU in lower case. */
    bySkus: repo.bySkus,

    /** Which of these ids are products of the store. */
    existing: matching.existingProducts,

    /**
     * Products an invoice's lines may be, many lines per statement: exact codes, name words,
     * name trigrams (product-matching.repo.ts), and products by id with their cost.
     */
    matching: {
      exactCandidates: matching.exactCandidates,
      wordCandidates: matching.wordCandidates,
      trigramCandidates: matching.trigramCandidates,
      frequentWords: matching.frequentWords,
      byIds: matching.productCandidates,
    },

    /**
     * What a forecast needs of products (catalogue-facts.repo.ts): these, a category's, the
     * active ones a batch at a time, and how many are active.
     */
    series: {
      byIds: facts.productsByIds,
      ofCategory: facts.productsOfCategory,
      activeAfter: facts.activeProductsAfter,
      countActive: facts.countActiveProducts,
    },

    /** What a reorder decision weighs of products: the plan's, a list's candidates, by id. */
    reorder: {
      products: facts.reorderProducts,
      candidates: facts.reorderCandidates,
      candidatesByIds: facts.reorderCandidatesByIds,
    },

    /** Whether these products can be ordered (active), their own supplier and cost, by id. */
    async orderingFacts(db: Db, storeId: string, ids: readonly string[]) {
      const rows = await repo.orderingFacts(db, storeId, ids);
      return new Map(
        rows.map((r) => [
          r.id,
          {
            active: r.active,
            supplierId: r.supplier_id,
            cost: r.cost === null ? null : Number(r.cost),
          },
        ]),
      );
    },
  };
}

export type ProductReads = ReturnType<typeof createProductReads>;
export type { ProductCandidate } from './product-matching.repo';
export type {
  CandidateFilter,
  ReorderCandidate,
  ReorderProduct,
  SeriesProduct,
} from './catalogue-facts.repo';
