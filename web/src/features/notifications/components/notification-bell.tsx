import { Link } from 'react-router-dom';
import { useUnreadCount } from '../api/notifications';

/** The header's link to the notifications, with how many are unread. */
export function NotificationBell() {
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/notifications" className="app-header__bell" title="Notifications">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
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
