import { useEffect, useMemo } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router-dom';
import { useMe } from '../features/auth/api/get-me';
import { rememberStore } from '../lib/session';
import { StoreAccessContext, type StoreAccess } from '../lib/store-access';

const tabs = [
  { to: '', label: 'Dashboard', end: true },
  { to: 'members', label: 'Members', end: false },
  { to: 'settings', label: 'Settings', end: false },
];

/** `/stores/:storeId/*`: checks membership, remembers the store, and shares the caller's access. */
export function StoreLayout() {
  const { storeId = '' } = useParams();
  const me = useMe();
  const membership = me.data?.memberships.find((m) => m.storeId === storeId);

  const access = useMemo<StoreAccess | null>(
    () =>
      membership
        ? {
            storeId,
            storeName: membership.storeName,
            role: membership.role,
            permissions: membership.permissions,
          }
        : null,
    [storeId, membership],
  );

  useEffect(() => {
    if (access) rememberStore(access.storeId);
  }, [access]);

  useEffect(() => {
    document.title = access ? `${access.storeName} · Nimbus` : 'Nimbus';
  }, [access]);

  if (!access) {
    return (
      <div className="page page--narrow">
        <div className="card empty-state">
          <h1>Store not available</h1>
          <p role="alert">This store does not exist, or you are not a member of it.</p>
          <Link to="/" className="btn btn--primary">
            Go to your stores
          </Link>
        </div>
      </div>
    );
  }

  return (
    <StoreAccessContext.Provider value={access}>
      <nav className="store-nav" aria-label="Store sections">
        <div className="store-nav__inner">
          <span className="store-nav__name">{access.storeName}</span>
          {tabs.map((tab) => (
            <NavLink
              key={tab.label}
              to={`/stores/${storeId}${tab.to ? `/${tab.to}` : ''}`}
              end={tab.end}
              className={({ isActive }) =>
                isActive ? 'store-nav__tab is-active' : 'store-nav__tab'
              }
            >
              {tab.label}
            </NavLink>
          ))}
        </div>
      </nav>
      <Outlet />
    </StoreAccessContext.Provider>
  );
}
