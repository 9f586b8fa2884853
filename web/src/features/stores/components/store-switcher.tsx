import { useLocation, useNavigate } from 'react-router-dom';

interface StoreOption {
  storeId: string;
  storeName: string;
}

// Sections that exist in every store; switching keeps the user in the same one.
const SECTIONS = ['products', 'sales', 'categories', 'suppliers', 'members', 'settings'];

export function StoreSwitcher({
  stores,
  currentId,
}: {
  stores: StoreOption[];
  currentId?: string;
}) {
  const navigate = useNavigate();
  const { pathname } = useLocation();

  function onChange(storeId: string) {
    const section = pathname.split('/')[3];
    const suffix = section && SECTIONS.includes(section) ? `/${section}` : '';
    navigate(`/stores/${storeId}${suffix}`);
  }

  return (
    <div className="store-switcher">
      <label htmlFor="store-switcher">Store</label>
      <select
        id="store-switcher"
        value={currentId ?? ''}
        onChange={(e) => e.target.value && onChange(e.target.value)}
        disabled={stores.length === 0}
      >
        {!currentId && (
          <option value="">{stores.length ? 'Choose a store…' : 'No stores yet'}</option>
        )}
        {stores.map((store) => (
          <option key={store.storeId} value={store.storeId}>
            {store.storeName}
          </option>
        ))}
      </select>
    </div>
  );
}
