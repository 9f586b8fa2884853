import { useId, useState, type ChangeEvent } from 'react';
import { Button } from '@/components/button';
import { CameraScan } from '@/components/camera-scan/camera-scan';
import { SelectField } from '@/components/form-field';
import { SearchBox } from '@/components/search-box';
import type { NamedRef } from '@/lib/api/types';
import type { useListParams } from '@/lib/use-list-params';
import { PHONE, useMediaQuery } from '@/lib/use-media-query';
import type { ProductListParams } from '../api/types';

const STATUS_OPTIONS = [
  { value: '', label: 'Any stock level' },
  { value: 'in_stock', label: 'In stock' },
  { value: 'low_stock', label: 'Low stock' },
  { value: 'out_of_stock', label: 'Out of stock' },
  { value: 'expired', label: 'Expired stock' },
];

const ACTIVE_OPTIONS = [
  { value: '', label: 'Active and inactive' },
  { value: 'true', label: 'Active only' },
  { value: 'false', label: 'Inactive only' },
];

const EXPIRY_DAYS = ['7', '14', '30', '60', '90'];

function expiryOptions(current: string) {
  const days = current && !EXPIRY_DAYS.includes(current) ? [current, ...EXPIRY_DAYS] : EXPIRY_DAYS;
  return [
    { value: '', label: 'Any expiry' },
    ...days.map((d) => ({ value: d, label: `Within ${d} days` })),
  ];
}

interface ProductFiltersProps {
  list: List;
  categories: NamedRef[];
  suppliers: NamedRef[];
}

type List = ReturnType<typeof useListParams>;
type Filters = Pick<
  ProductListParams,
  'search' | 'category' | 'supplier' | 'status' | 'expiringWithinDays' | 'active'
>;

export const FILTER_KEYS = [
  'search',
  'category',
  'supplier',
  'status',
  'expiringWithinDays',
  'active',
] as const satisfies ReadonlyArray<keyof Filters>;

/** The filters kept in the URL, as the product list's query parameters. */
export function filtersOf(list: List): Filters {
  const text = (key: keyof Filters) => list.get(key) || undefined;
  const days = text('expiringWithinDays');
  const active = text('active');
  return {
    search: text('search'),
    category: text('category'),
    supplier: text('supplier'),
    status: text('status') as Filters['status'],
    expiringWithinDays: days === undefined ? undefined : Number(days),
    active: active === undefined ? undefined : active === 'true',
  };
}

export function ProductFilters({ list, categories, suppliers }: ProductFiltersProps) {
  const anySet = FILTER_KEYS.some((key) => list.get(key));
  const setBesidesSearch = FILTER_KEYS.filter((key) => key !== 'search' && list.get(key)).length;
  // On a phone the filters would fill the first screen: they fold away behind a button, and
  // the search stays in sight. A wider screen shows them all, always.
  const phone = useMediaQuery(PHONE);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  // Bumped by "Clear filters" so the search box starts over empty (it keeps its own text).
  const [cleared, setCleared] = useState(0);
  // A code read by the camera: the search box starts over with it (the list's own parameter
  // arrives a moment later, with the navigation).
  const [scanned, setScanned] = useState<{ code: string; n: number }>();
  const select = (key: string) => ({
    name: key,
    value: list.get(key),
    onChange: (e: ChangeEvent<HTMLSelectElement>) => list.update({ [key]: e.target.value }),
  });

  return (
    <div className="toolbar toolbar--filters" role="search" aria-label="Filter products">
      <SearchBox
        key={`${cleared}:${scanned?.n ?? 0}`}
        label="Search products"
        placeholder="Name, SKU, barcode, brand…"
        value={scanned?.code ?? list.get('search')}
        onSearch={(value) => list.update({ search: value })}
      />
      <CameraScan
        onCode={(code) => {
          // The search box takes the code as if it had been typed (it starts over with it).
          list.update({ search: code });
          setScanned((s) => ({ code, n: (s?.n ?? 0) + 1 }));
        }}
      />
      {phone && (
        <Button
          variant="secondary"
          className="toolbar__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide filters' : 'More filters'}
          {setBesidesSearch > 0 && ` (${setBesidesSearch} set)`}
        </Button>
      )}
      <div id={panelId} className="toolbar__panel" hidden={phone && !open}>
        <SelectField
          label="Category"
          {...select('category')}
          options={[
            { value: '', label: 'All categories' },
            ...categories.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <SelectField
          label="Supplier"
          {...select('supplier')}
          options={[
            { value: '', label: 'All suppliers' },
            ...suppliers.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <SelectField label="Stock status" {...select('status')} options={STATUS_OPTIONS} />
        <SelectField
          label="Expiring"
          {...select('expiringWithinDays')}
          options={expiryOptions(list.get('expiringWithinDays'))}
        />
        <SelectField label="Active" {...select('active')} options={ACTIVE_OPTIONS} />
      </div>
      {anySet && (
        <Button
          variant="ghost"
          className="toolbar__clear"
          onClick={() => {
            list.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
            setCleared((n) => n + 1);
            setScanned(undefined);
          }}
        >
          Clear filters
        </Button>
      )}
    </div>
  );
}
