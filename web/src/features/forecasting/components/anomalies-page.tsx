import { Card, PageHeader } from '@/components/card';
import { SelectField } from '@/components/form-field';
import { QueryState } from '@/components/query-state';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useListParams } from '@/lib/use-list-params';
import { useAnomalies } from '../api/get-anomalies';
import type { AnomalyParams, AnomalySeverity, AnomalyType } from '../api/types';
import { AnomaliesTable } from './anomalies-table';
import { anomalyTypes, severities } from './anomaly-words';
import { RecalculateForecasts } from './recalculate-forecasts';

const dayOptions = [7, 30, 90].map((d) => ({ value: String(d), label: `Last ${d} days` }));

export function AnomaliesPage() {
  const { storeId } = useStoreAccess();
  const canRecalculate = useCan('inventory:write');
  const list = useListParams();
  const params: AnomalyParams = {
    type: (list.get('type') || undefined) as AnomalyType | undefined,
    severity: (list.get('severity') || undefined) as AnomalySeverity | undefined,
    days: Number(list.get('days')) || 30,
  };
  const anomalies = useAnomalies(storeId, params);
  const filtered = Boolean(params.type || params.severity);
  return (
    <div className="page">
      <PageHeader
        title="Anomalies"
        subtitle="Sales and costs that moved far outside what was expected."
        actions={canRecalculate && <RecalculateForecasts storeId={storeId} />}
      />
      <Card>
        <div className="toolbar toolbar--dates">
          <SelectField
            label="Type"
            name="type"
            value={params.type ?? ''}
            options={[
              { value: '', label: 'All types' },
              ...Object.entries(anomalyTypes).map(([value, label]) => ({ value, label })),
            ]}
            onChange={(e) => list.update({ type: e.target.value })}
          />
          <SelectField
            label="Severity"
            name="severity"
            value={params.severity ?? ''}
            options={[
              { value: '', label: 'Any severity' },
              ...Object.entries(severities).map(([value, label]) => ({ value, label })),
            ]}
            onChange={(e) => list.update({ severity: e.target.value })}
          />
          <SelectField
            label="Period"
            name="days"
            value={String(params.days)}
            options={dayOptions}
            onChange={(e) => list.update({ days: e.target.value === '30' ? '' : e.target.value })}
          />
        </div>
        <QueryState
          query={anomalies}
          loading="Loading anomalies…"
          empty={
            <div className="empty-state">
              <h2>{filtered ? 'No anomaly matches these filters' : 'No anomalies found'}</h2>
              <p>
                {filtered
                  ? 'Try another type or severity.'
                  : 'Sales and costs stayed within their expected range. Anomalies are found when forecasts are recalculated.'}
              </p>
            </div>
          }
        >
          {(data) => <AnomaliesTable storeId={storeId} anomalies={data} />}
        </QueryState>
      </Card>
    </div>
  );
}
