import { Link } from 'react-router-dom';
import { useUnreadCount } from '../api/notifications';

/** The header's link to the notifications, with how many are unread. */
export function NotificationBell() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/notifications" className="app-header__bell" title="Notifications">
      <span aria-hidden="true">🔔</span>
      <span className="visually-hidden">Notifications</span>
      {unread > 0 && (
        <span className="nav-badge">
          <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
          <span className="visually-hidden">: {unread} unread</span>
        </span>
      )}
    </Link>
  );
}
