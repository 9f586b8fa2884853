import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { ConsumptionReportSection } from './consumption-report';
import { ValuationSection } from './valuation-report';
import { VendorPerformanceSection } from './vendor-performance-report';
import { WasteReportSection } from './waste-report';

const sections = [
  { id: 'consumption', label: 'Consumption', Section: ConsumptionReportSection },
  { id: 'waste', label: 'Waste', Section: WasteReportSection },
  { id: 'vendors', label: 'Supplier ranking', Section: VendorPerformanceSection },
  { id: 'valuation', label: 'Stock valuation', Section: ValuationSection },
] as const;

// The open report is filled (and aria-current says so), the others outlined.
const tabClass = (current: boolean) => (current ? 'btn btn--primary' : 'btn btn--secondary');

interface ReportsPageProps {
  /** The reorder plan within a budget, another feature's card (app/ composes it). */
  reorderPlan: ReactNode;
}

export function ReportsPage({ reorderPlan }: ReportsPageProps) {
  const { storeId } = useStoreAccess();
  const canView = useCan('reports:view');
  const list = useListParams();
  const base = `/stores/${storeId}/reports`;
  const current = sections.find((s) => s.id === list.get('report')) ?? sections[0];
  const planning = list.get('report') === 'reorder-plan';

  if (!canView) {
    return (
      <div className="page page--narrow">
        <PageHeader title="Reports" />
        <Card>
          <p>Reports show costs and margins: only managers, viewers and admins can open them.</p>
        </Card>
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader
        title="Reports"
        subtitle="Consumption, waste, suppliers and stock value, each downloadable as CSV."
        actions={
          <Link to={`${base}/custom`} className="btn btn--secondary">
            Build a custom report
          </Link>
        }
      />
      <nav className="report-tabs" aria-label="Reports">
        {sections.map((s) => (
          <Link
            key={s.id}
            to={`${base}?report=${s.id}`}
            className={tabClass(!planning && s.id === current.id)}
            aria-current={!planning && s.id === current.id ? 'page' : undefined}
          >
            {s.label}
          </Link>
        ))}
        <Link
          to={`${base}?report=reorder-plan`}
          className={tabClass(planning)}
          aria-current={planning ? 'page' : undefined}
        >
          Reorder within a budget
        </Link>
      </nav>
      {planning ? (
        reorderPlan
      ) : (
        <Card title={current.label}>
          <current.Section key={current.id} storeId={storeId} list={list} />
        </Card>
      )}
    </div>
  );
}
