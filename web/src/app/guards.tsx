import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '@/lib/session';

interface FromState {
  from?: string;
}

/** Signed-out visitors go to /login, which sends them back here after signing in. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'authenticated') return <Outlet />;
  // After an explicit sign-out the next sign-in starts fresh instead of returning here.
  const signedOut = session.status === 'anonymous' && session.reason === 'signed-out';
  const from = signedOut ? undefined : `${location.pathname}${location.search}`;
  return <Navigate to="/login" replace state={from ? ({ from } satisfies FromState) : undefined} />;
}

/** Login and register make no sense with a session: go where the user was heading. */
export function GuestOnly() {
  const session = useSession();
  const location = useLocation();
  if (session.status !== 'authenticated') return <Outlet />;
  const from = (location.state as FromState | null)?.from;
  return <Navigate to={from ?? '/'} replace />;
}
