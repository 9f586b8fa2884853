import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { ConnectionBanner } from '@/components/connection-banner';
import { Loading } from '@/components/messages';
import { TopProgress } from '@/components/top-progress';
import { restoreSession } from '@/lib/http';
import { useSession } from '@/lib/session';

/** Holds every route until the silent refresh on start has settled. */
export function SessionGate() {
  const session = useSession();

  useEffect(() => {
    void restoreSession();
  }, []);

  return (
    <>
      <TopProgress />
      <ConnectionBanner />
      {session.status === 'restoring' ? <Splash /> : <Outlet />}
    </>
  );
}

/** Also shown while the first screen's code loads (the store screens are lazy routes). */
export function Splash() {
  return (
    <div className="splash">
      <span className="brand-mark brand-mark--large" aria-hidden="true" />
      <Loading label="Loading Nimbus…" />
    </div>
  );
}
