export type SupplierStatus = 'active' | 'inactive' | 'on-hold' | 'new';

export const SUPPLIER_STATUS_OPTIONS: ReadonlyArray<{ value: SupplierStatus; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'new', label: 'New' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'inactive', label: 'Inactive' },
];

interface SupplierFields {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  website: string | null;
  contactPerson: string | null;
  paymentTerms: string | null;
  notes: string | null;
  status: SupplierStatus;
  leadTimeDays: number | null;
}

export interface Supplier extends SupplierFields {
  id: string;
  taxIdLast4: string | null;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

/** taxId is write-only: sent when typed, never read back (only its last 4 digits). */
export type SupplierInput = Partial<SupplierFields> & { name: string; taxId?: string };

export type SupplierSort = 'name' | 'createdAt' | 'status';

export interface SupplierListParams {
  page?: number;
  limit?: number;
  search?: string;
  status?: SupplierStatus | '';
  sort?: SupplierSort;
  order?: 'asc' | 'desc';
}
