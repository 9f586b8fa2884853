import { useId, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { LiveIndicator } from '@/components/live-indicator';
import { useAlertSummary } from '@/features/alerts/api/alerts';
import type { Permission } from '@/lib/api/types';
import type { StoreAccess } from '@/lib/store-access';

interface Tab {
  to: string;
  label: string;
  /** Shown only to members with this permission. */
  needs?: Permission;
}

const tabs: Tab[] = [
  { to: '', label: 'Dashboard' },
  { to: 'alerts', label: 'Alerts' },
  { to: 'products', label: 'Products' },
  { to: 'counts', label: 'Counts' },
  { to: 'sales/new', label: 'Quick sale', needs: 'inventory:write' },
  { to: 'sales', label: 'Sales' },
  { to: 'shopping-lists', label: 'Reorder' },
  { to: 'purchase-orders', label: 'Purchase orders' },
  { to: 'transfers', label: 'Transfers' },
  { to: 'categories', label: 'Categories' },
  { to: 'suppliers', label: 'Suppliers' },
  { to: 'anomalies', label: 'Anomalies' },
  { to: 'reports', label: 'Reports', needs: 'reports:view' },
  { to: 'invoices', label: 'Invoices', needs: 'invoice:process' },
  // Only admins can use these: the others would find a page that says so and nothing more.
  { to: 'members', label: 'Members', needs: 'settings:manage' },
  { to: 'settings', label: 'Settings', needs: 'settings:manage' },
];

// The tab whose path is the longest prefix of the current one wins, so /sales/new is
// "Quick sale" and /sales/123 is "Sales".
function activeTab(pathname: string, base: string): string | undefined {
  const rest = pathname.slice(base.length).replace(/^\/|\/$/g, '');
  const matches = tabs.filter((t) =>
    t.to === '' ? rest === '' : rest === t.to || rest.startsWith(`${t.to}/`),
  );
  return matches.sort((a, b) => b.to.length - a.to.length)[0]?.to;
}

/**
 * The store's sections. On a wide screen every tab is in sight (they wrap onto a second row
 * rather than run off the edge); on a phone they fold behind one "Sections" button naming the
 * current one, so the screen below starts near the top (the till's cart, not 270 px of tabs).
 */
export function StoreNav({ access }: { access: StoreAccess }) {
  const { pathname } = useLocation();
  const base = `/stores/${access.storeId}`;
  const active = activeTab(pathname, base);
  const alerts = useAlertSummary(access.storeId).data?.open ?? 0;
  // Open on the page where it was opened: choosing a section (going anywhere) folds it again.
  const [openOn, setOpenOn] = useState<string>();
  const open = openOn === pathname;
  const listId = useId();
  const shown = tabs.filter((tab) => !tab.needs || access.permissions.includes(tab.needs));
  const current = shown.find((t) => t.to === active)?.label;
  return (
    <nav className="store-nav" aria-label="Store sections">
      <div className="store-nav__inner">
        <span className="store-nav__name">{access.storeName}</span>
        <LiveIndicator />
        <button
          type="button"
          className="store-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? undefined : pathname)}
        >
          <span aria-hidden="true">☰</span> Sections{current ? `: ${current}` : ''}
          {alerts > 0 && (
            <span className="nav-badge">
              <span aria-hidden="true">{alerts}</span>
              <span className="visually-hidden">: {alerts} open alerts</span>
            </span>
          )}
        </button>
        <div id={listId} className={open ? 'store-nav__tabs is-open' : 'store-nav__tabs'}>
          {shown.map((tab) => (
            <NavLink
              key={tab.label}
              to={tab.to ? `${base}/${tab.to}` : base}
              end
              aria-current={active === tab.to ? 'page' : undefined}
              className={active === tab.to ? 'store-nav__tab is-active' : 'store-nav__tab'}
            >
              {tab.label}
              {tab.to === 'alerts' && alerts > 0 && (
                <span className="nav-badge">
                  <span aria-hidden="true">{alerts}</span>
                  <span className="visually-hidden">: {alerts} open</span>
                </span>
              )}
            </NavLink>
          ))}
        </div>
      </div>
    </nav>
  );
}
