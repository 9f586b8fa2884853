import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatDateTime, formatRole } from '@/lib/format';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useDashboard } from '../api/get-dashboard';
import { CategoryBreakdownCard } from './category-breakdown-card';
import { SlowMoversCard, TopMoversCard } from './movers-cards';
import { SalesTrendCard } from './sales-trend-card';
import { StatCards } from './stat-cards';
import { TodayCard } from './today-card';

function EmptyStore({ storeId, storeName }: { storeId: string; storeName: string }) {
  const canWrite = useCan('inventory:write');
  const canManage = useCan('settings:manage');
  return (
    <Card>
      <div className="empty-state">
        <div className="empty-state__icon" aria-hidden="true" />
        <h2>Your dashboard will appear here</h2>
        <p>
          Stock levels, low-stock alerts, expiring items and sales trends for {storeName} will show
          up once you add products.
        </p>
        <div className="empty-state__actions">
          {canWrite && (
            <Link to={`/stores/${storeId}/products/new`} className="btn btn--primary">
              Add a product
            </Link>
          )}
          {canWrite && (
            <Link to={`/stores/${storeId}/products/import`} className="btn btn--secondary">
              Import a catalogue
            </Link>
          )}
          {canManage && (
            <Link to={`/stores/${storeId}/members`} className="btn btn--ghost">
              Invite your team
            </Link>
          )}
        </div>
      </div>
    </Card>
  );
}

/** `attention`: what needs attention now (the alerts feature's card, composed by the route). */
export function DashboardPage({ attention }: { attention?: ReactNode } = {}) {
  const { storeId, storeName, role } = useStoreAccess();
  const dashboard = useDashboard(storeId);
  const data = dashboard.data;

  return (
    <div className="page">
      <PageHeader
        title={storeName}
        subtitle={
          <>
            Your role:{' '}
            <strong className={`role-badge role-badge--${role}`}>{formatRole(role)}</strong>
            {data && (
              <span className="muted small">
                {' '}
                · Figures as of {formatDateTime(data.generatedAt)}
              </span>
            )}
          </>
        }
      />
      {dashboard.isPending && <Loading label="Loading the dashboard…" />}
      {dashboard.isError && (
        <div>
          <ErrorBanner>{toApiError(dashboard.error).message}</ErrorBanner>
          <Button variant="secondary" onClick={() => void dashboard.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {data && data.totals.products === 0 && <EmptyStore storeId={storeId} storeName={storeName} />}
      {data && data.totals.products > 0 && (
        <>
          <StatCards storeId={storeId} dashboard={data} />
          <div className="grid grid--2">
            <TodayCard storeId={storeId} dashboard={data} />
            {attention}
          </div>
          <SalesTrendCard trend={data.salesTrend} />
          <div className="grid grid--2">
            <TopMoversCard storeId={storeId} movers={data.topMovers} />
            <SlowMoversCard storeId={storeId} movers={data.slowMovers} />
          </div>
          <CategoryBreakdownCard storeId={storeId} slices={data.categoryBreakdown} />
        </>
      )}
    </div>
  );
}
