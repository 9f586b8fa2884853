import { Link } from 'react-router-dom';
import { Card, PageHeader } from '../../../components/card';
import { formatRole } from '../../../lib/format';
import { useStoreAccess } from '../../../lib/store-access';

export function StoreDashboardPage() {
  const { storeId, storeName, role, permissions } = useStoreAccess();
  const canManage = permissions.includes('settings:manage');

  return (
    <div className="page">
      <PageHeader
        title={storeName}
        subtitle={
          <>
            Your role:{' '}
            <strong className={`role-badge role-badge--${role}`}>{formatRole(role)}</strong>
          </>
        }
      />
      <Card>
        <div className="empty-state">
          <div className="empty-state__icon" aria-hidden="true" />
          <h2>Your dashboard will appear here</h2>
          <p>
            Stock levels, low-stock alerts, expiring items and sales trends for {storeName} will
            show up once you add products.
          </p>
          <div className="empty-state__actions">
            <Link to={`/stores/${storeId}/members`} className="btn btn--secondary">
              {canManage ? 'Invite your team' : 'See who works here'}
            </Link>
            {canManage && (
              <Link to={`/stores/${storeId}/settings`} className="btn btn--ghost">
                Store settings
              </Link>
            )}
          </div>
        </div>
      </Card>
      <Card title="What you can do here">
        <ul className="permission-list">
          {permissions.map((permission) => (
            <li key={permission}>
              <code>{permission}</code>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
