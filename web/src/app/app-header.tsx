import { Link, useMatch } from 'react-router-dom';
import { Button } from '@/components/button';
import type { Membership } from '@/features/auth/api/get-me';
import { useSignOut } from '@/features/auth/api/logout';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { StoreSwitcher } from '@/features/stores/components/store-switcher';
import { flushDeferredDeletes } from '@/lib/deferred-delete';
import { getLastStoreId } from '@/lib/session';

interface AppHeaderProps {
  userName: string;
  memberships: Membership[];
}

export function AppHeader({ userName, memberships }: AppHeaderProps) {
  const signOut = useSignOut();
  const storeMatch = useMatch('/stores/:storeId/*');
  const routeStoreId = storeMatch?.params.storeId;
  const current = routeStoreId && routeStoreId !== 'new' ? routeStoreId : getLastStoreId();
  const currentId = memberships.some((m) => m.storeId === current) ? current : undefined;

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <Link to="/" className="app-header__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="app-header__wide">Nimbus</span>
        </Link>
        <StoreSwitcher stores={memberships} currentId={currentId} />
        <Link to="/stores/new" className="btn btn--header">
          <span aria-hidden="true">+</span>
          <span className="app-header__wide"> Create store</span>
        </Link>
        <div className="app-header__spacer" />
        <NotificationBell />
        <Link to="/account" className="app-header__user" title="Your account">
          <span className="avatar" aria-hidden="true">
            {userName.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <span className="app-header__user-name">{userName}</span>
        </Link>
        <Button
          variant="ghost"
          className="btn--header-ghost"
          busy={signOut.isPending}
          busyLabel="Signing out…"
          // Deletes still waiting for Undo go out while the session can still send them.
          onClick={() => void flushDeferredDeletes().then(() => signOut.mutate())}
        >
          Sign out
        </Button>
      </div>
    </header>
  );
}
