import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { ShowMore } from '@/components/pagination';
import { QueryState } from '@/components/query-state';
import { notificationKinds } from '@/lib/alert-kinds';
import { toApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import {
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  type Notification,
} from '../api/notifications';
import { PreferencesCard } from './preferences-card';

const subjectPath: Record<Exclude<Notification['subject']['type'], 'webhook'>, string> = {
  product: 'products',
  purchase_order: 'purchase-orders',
  invoice: 'invoices',
  job: 'jobs',
};

/** Where a notification's subject is shown: a webhook is on the store's settings page. */
const subjectLink = ({ storeId, subject }: Notification) =>
  subject.type === 'webhook'
    ? `/stores/${storeId}/settings`
    : `/stores/${storeId}/${subjectPath[subject.type]}/${subject.id}`;

/** The signed-in user's notifications across their stores, and how they want to hear. */
export function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const rows = list.data?.pages.flatMap((p) => p.items);
  const failed = markRead.error ?? markAll.error;

  return (
    <div className="page page--narrow">
      <PageHeader
        title="Notifications"
        subtitle="Alerts from your stores, and how your imports, reports and recalculations ended, as your role and your choices below send them to you."
        actions={
          <Button
            variant="secondary"
            onClick={() => markAll.mutate()}
            busy={markAll.isPending}
            busyLabel="Marking…"
          >
            Mark all read
          </Button>
        }
      />
      <ErrorBanner>{failed ? toApiError(failed).message : undefined}</ErrorBanner>
      <Card>
        <div className="field field--checkbox">
          <input
            id="unread-only"
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />
          <label htmlFor="unread-only">Unread only</label>
        </div>
        <QueryState
          query={{ ...list, data: rows }}
          loading="Loading notifications…"
          empty={<p className="muted">No notifications here.</p>}
        >
          {(items) => (
            <ul className="notification-list" aria-label="Notifications">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'notification' : 'notification is-unread'}>
                  <div>
                    <span className="alert-kind">{notificationKinds[n.kind]}</span>
                    {n.storeName && <span className="muted"> · {n.storeName}</span>}
                    {!n.readAt && <span className="visually-hidden"> (unread)</span>}
                  </div>
                  <Link to={subjectLink(n)}>{n.title}</Link>
                  <div className="muted small">
                    {formatDateTime(n.createdAt)}
                    {n.resolvedAt && ` · resolved ${formatDateTime(n.resolvedAt)}`}
                  </div>
                  {!n.readAt && (
                    <Button
                      variant="ghost"
                      onClick={() => markRead.mutate(n.id)}
                      busy={markRead.isPending && markRead.variables === n.id}
                      busyLabel="Marking…"
                    >
                      Mark read<span className="visually-hidden">: {n.title}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <ShowMore query={list} />
      </Card>
      <PreferencesCard />
    </div>
  );
}
