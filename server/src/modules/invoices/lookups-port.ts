import type { UserReads } from '../auth/auth.reads';
import type { ProductReads } from '../products/products.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import type { SupplierReads } from '../suppliers/suppliers.reads';

/**
 * What invoices read of other modules, wired in composition.ts from their reads: the catalogue
 * (to match a file's lines to products, and to show them), the supplier's items (its last
 * cost of a product, its own item codes: purchasing's) and the names an invoice shows (its
 * supplier, its order's number, who reconciled or confirmed it). Never their tables.
 */
export interface LookupsPort {
  products: Pick<ProductReads, 'labelsOf' | 'existing' | 'matching'>;
  lastCosts: PurchasingReads['lastCosts'];
  productsBySupplierSku: PurchasingReads['productsBySupplierSku'];
  orderNumbers: PurchasingReads['orderNumbersOf'];
  supplierNames: SupplierReads['namesOf'];
  userNames: UserReads['namesOf'];
}
