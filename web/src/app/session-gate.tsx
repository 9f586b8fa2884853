import { useEffect } from 'react';
import { Outlet } from 'react-router-dom';
import { Loading } from '../components/messages';
import { restoreSession } from '../lib/api-client';
import { useSession } from '../lib/session';

/** Holds every route until the silent refresh on start has settled. */
export function SessionGate() {
  const session = useSession();

  useEffect(() => {
    void restoreSession();
  }, []);

  if (session.status === 'restoring') {
    return (
      <div className="splash">
        <span className="brand-mark brand-mark--large" aria-hidden="true" />
        <Loading label="Loading Nimbus…" />
      </div>
    );
  }
  return <Outlet />;
}
