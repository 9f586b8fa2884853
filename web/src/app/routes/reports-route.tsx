import { ReorderPlanCard } from '@/features/forecasting/components/reorder-plan-card';
import { ReportsPage } from '@/features/reports/components/reports-page';
import { useStoreAccess } from '@/lib/store-access';

/** The reports, with forecasting's reorder plan within a budget as one of their tabs. */
export function ReportsRoute() {
  const { storeId } = useStoreAccess();
  return <ReportsPage reorderPlan={<ReorderPlanCard storeId={storeId} />} />;
}
