import { Navigate } from 'react-router-dom';
import { useMe } from '@/features/auth/api/get-me';
import { CreateStorePage } from '@/features/stores/components/create-store-page';
import { getLastStoreId } from '@/lib/session';

/** `/`: the store used last in this tab, else the first store, else create one. */
export function HomeRedirect() {
  const me = useMe();
  if (!me.data) return null;
  const { memberships } = me.data;
  const last = memberships.find((m) => m.storeId === getLastStoreId());
  const target = last ?? memberships[0];
  return <Navigate to={target ? `/stores/${target.storeId}` : '/stores/new'} replace />;
}

export function CreateStoreRoute() {
  const me = useMe();
  return <CreateStorePage firstStore={me.data?.memberships.length === 0} />;
}
