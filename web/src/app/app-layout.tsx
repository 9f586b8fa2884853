import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { Button } from '@/components/button';
import { ErrorBanner, Loading } from '@/components/messages';
import { useMe } from '@/features/auth/api/get-me';
import { startSaleOutbox } from '@/features/sales/api/sale-outbox';
import { toApiError } from '@/lib/api-error';
import { useSession } from '@/lib/session';
import { AppHeader } from './app-header';

/** The signed-in frame: header with the store switcher, then the page. */
export function AppLayout() {
  const session = useSession();
  const me = useMe();
  // Sales kept on this device while offline are sent from whichever screen is open.
  useEffect(startSaleOutbox, []);
  const userName =
    me.data?.user.name ?? (session.status === 'authenticated' ? session.user.name : '');

  return (
    <div className="app">
      <AppHeader userName={userName} memberships={me.data?.memberships ?? []} />
      <main className="app-main" id="main">
        {me.isPending && <Loading label="Loading your stores…" />}
        {me.isError && (
          <div className="page page--narrow">
            <ErrorBanner>{toApiError(me.error).message}</ErrorBanner>
            <Button onClick={() => void me.refetch()}>Try again</Button>
          </div>
        )}
        {me.data && <Outlet />}
      </main>
    </div>
  );
}
