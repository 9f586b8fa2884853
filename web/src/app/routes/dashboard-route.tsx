import { AttentionCard } from '@/features/alerts/components/attention-card';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { useStoreAccess } from '@/lib/store-access';

/** The dashboard with the alerts feature's "needs attention" card. */
export function DashboardRoute() {
  const { storeId } = useStoreAccess();
  return <DashboardPage attention={<AttentionCard storeId={storeId} />} />;
}
