import type { SupplierStatus } from '../api/types';

export const SUPPLIER_STATUS_OPTIONS: ReadonlyArray<{ value: SupplierStatus; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'new', label: 'New' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'inactive', label: 'Inactive' },
];
