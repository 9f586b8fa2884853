import { useEffect, useMemo } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { useMe } from '@/features/auth/api/get-me';
import { useStore } from '@/hooks/use-store';
import { useLiveStore } from '@/lib/live';
import { rememberStore } from '@/lib/session';
import { StoreAccessContext, type StoreAccess } from '@/lib/store-access';
import { StoreNav } from './store-nav';

/** `/stores/:storeId/*`: checks membership, remembers the store, and shares the caller's access. */
export function StoreLayout() {
  const { storeId = '' } = useParams();
  const me = useMe();
  const membership = me.data?.memberships.find((m) => m.storeId === storeId);
  // Only for the currency money is shown in; screens work (in USD) until it arrives.
  const store = useStore(storeId, { enabled: !!membership });
  const currency = store.data?.currency ?? 'USD';

  const access = useMemo<StoreAccess | null>(
    () =>
      membership
        ? {
            storeId,
            storeName: membership.storeName,
            role: membership.role,
            permissions: membership.permissions,
            currency,
          }
        : null,
    [storeId, membership, currency],
  );

  useEffect(() => {
    if (access) rememberStore(access.storeId);
  }, [access]);
  // The store on screen updates in place from its events.
  useLiveStore(access?.storeId);

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
      <StoreNav access={access} />
      <Outlet />
    </StoreAccessContext.Provider>
  );
}
