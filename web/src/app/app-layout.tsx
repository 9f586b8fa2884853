import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { Button } from '@/components/button';
import { ErrorBanner, Loading } from '@/components/messages';
import { SkipLink } from '@/components/skip-link';
import { Toaster } from '@/components/toaster';
import { useMe } from '@/features/auth/api/get-me';
import { SignInAgainDialog } from '@/features/auth/components/sign-in-again-dialog';
import { startSaleOutbox } from '@/features/sales/api/sale-outbox';
import { toApiError } from '@/lib/api-error';
import { startLive } from '@/lib/live';
import { useSession } from '@/lib/session';
import { AppHeader } from './app-header';

/** The signed-in frame: header with the store switcher, then the page. */
export function AppLayout() {
  const session = useSession();
  const me = useMe();
  // Sales kept on this device while offline are sent from whichever screen is open.
  useEffect(startSaleOutbox, []);
  // One WebSocket for the tab: the store on screen updates as others change it.
  useEffect(startLive, []);
  const userName =
    me.data?.user.name ?? (session.status === 'authenticated' ? session.user.name : '');

  return (
    <div className="app">
      <SkipLink target="main" />
      <AppHeader userName={userName} memberships={me.data?.memberships ?? []} />
      {/* tabIndex: the skip link moves the keyboard focus here */}
      <main className="app-main" id="main" tabIndex={-1}>
        {me.isPending && <Loading label="Loading your stores…" />}
        {me.isError && (
          <div className="page page--narrow">
            <ErrorBanner>{toApiError(me.error).message}</ErrorBanner>
            <Button onClick={() => void me.refetch()}>Try again</Button>
          </div>
        )}
        {me.data && <Outlet />}
      </main>
      <Toaster />
      <SignInAgainDialog />
    </div>
  );
}
