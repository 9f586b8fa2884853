import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { CheckGroup } from '@/components/check-group';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner, Loading } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useCustomReportSchema } from '../api/get-custom-report-schema';
import { useDownloadCustomReport, useRunCustomReport } from '../api/run-custom-report';
import type { CustomReportSchema } from '../api/types';
import { CustomAggregateRows } from './custom-aggregate-rows';
import { CustomFilterRows } from './custom-filter-rows';
import {
  aggregateColumn,
  emptyState,
  errorUnder,
  toRequest,
  type BuilderState,
} from './custom-request';
import { CustomResultTable } from './custom-result-table';
import { SavedReportsCard } from './saved-reports-card';
import { useRunSavedReport, useSaveReport } from '../api/saved-reports';

export function CustomReportPage() {
  const { storeId } = useStoreAccess();
  const canView = useCan('reports:view');
  const schema = useCustomReportSchema(storeId);
  return (
    <div className="page">
      <Link to={`/stores/${storeId}/reports`} className="back-link">
        <span aria-hidden="true">←</span> All reports
      </Link>
      <PageHeader
        title="Custom report"
        subtitle="Pick a dataset, the fields you want, conditions and totals."
      />
      {!canView && (
        <Card>
          <p>Reports show costs and margins: only managers, viewers and admins can open them.</p>
        </Card>
      )}
      {canView && schema.isPending && <Loading label="Loading datasets…" />}
      {schema.isError && <ErrorBanner>{toApiError(schema.error).message}</ErrorBanner>}
      {canView && schema.data && <Builder storeId={storeId} schema={schema.data} />}
    </div>
  );
}

function Builder({ storeId, schema }: { storeId: string; schema: CustomReportSchema }) {
  const first = schema.datasets[0];
  const [state, setState] = useState<BuilderState>(() =>
    emptyState(first?.name ?? '', first?.fields ?? []),
  );
  const run = useRunCustomReport(storeId);
  const download = useDownloadCustomReport(storeId);
  const save = useSaveReport(storeId);
  const runSaved = useRunSavedReport(storeId);
  const [saveName, setSaveName] = useState('');
  const dataset = schema.datasets.find((d) => d.name === state.dataset) ?? first;
  const fields = dataset?.fields ?? [];
  const failure = run.error ?? download.error ?? save.error ?? runSaved.error;
  const apiError = failure ? toApiError(failure) : undefined;
  const errors = apiError?.fieldErrors ?? {};
  const set = (change: Partial<BuilderState>) => setState((s) => ({ ...s, ...change }));
  const outputColumns = [
    ...state.fields.map((name) => ({
      value: name,
      label: fields.find((f) => f.name === name)?.label ?? name,
    })),
    ...state.aggregates.map((a) => ({ value: aggregateColumn(a), label: aggregateColumn(a) })),
  ];

  function onRun(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    download.reset();
    runSaved.reset();
    run.mutate(toRequest(state, fields));
  }

  function onSave() {
    save.mutate(
      { name: saveName, report: 'custom', params: toRequest(state, fields) },
      { onSuccess: () => setSaveName('') },
    );
  }

  const result = runSaved.data ?? run.data;

  return (
    <>
      <SavedReportsCard
        storeId={storeId}
        running={runSaved.isPending ? runSaved.variables : undefined}
        onRun={(r) => {
          run.reset();
          runSaved.mutate(r.id);
        }}
      />
      <Card>
        <form className="form" onSubmit={onRun} noValidate>
          <ErrorBanner>{apiError?.message}</ErrorBanner>
          <SelectField
            label="Dataset"
            name="dataset"
            value={state.dataset}
            options={schema.datasets.map((d) => ({ value: d.name, label: d.label }))}
            error={errors.dataset}
            onChange={(e) => {
              const next = schema.datasets.find((d) => d.name === e.target.value);
              setState(emptyState(e.target.value, next?.fields ?? []));
              run.reset();
            }}
          />
          <CheckGroup
            legend="Fields"
            hint="The columns of the report. With totals, every field must also be a grouping."
            options={fields.map((f) => ({ id: f.name, name: f.label }))}
            selected={new Set(state.fields)}
            error={errorUnder(errors, 'fields')}
            onChange={(next) =>
              set({ fields: fields.map((f) => f.name).filter((n) => next.has(n)) })
            }
          />
          <CustomFilterRows
            fields={fields}
            operators={schema.operators}
            filters={state.filters}
            errors={errors}
            onChange={(filters) => set({ filters })}
          />
          <CheckGroup
            legend="Group by"
            hint="One row per combination of these fields."
            options={fields.filter((f) => f.groupable).map((f) => ({ id: f.name, name: f.label }))}
            selected={new Set(state.groupBy)}
            error={errorUnder(errors, 'groupBy')}
            onChange={(next) =>
              set({ groupBy: fields.map((f) => f.name).filter((n) => next.has(n)) })
            }
          />
          <CustomAggregateRows
            fields={fields}
            aggregates={schema.aggregates}
            rows={state.aggregates}
            errors={errors}
            onChange={(aggregates) => set({ aggregates })}
          />
          <div className="filter-row">
            <SelectField
              label="Sort by"
              name="sortField"
              value={state.sortField}
              options={[{ value: '', label: 'No particular order' }, ...outputColumns]}
              error={errorUnder(errors, 'sort')}
              onChange={(e) => set({ sortField: e.target.value })}
            />
            <SelectField
              label="Direction"
              name="sortDirection"
              value={state.sortDirection}
              options={[
                { value: 'asc', label: 'Ascending' },
                { value: 'desc', label: 'Descending' },
              ]}
              onChange={(e) => set({ sortDirection: e.target.value as 'asc' | 'desc' })}
            />
            <TextField
              label="Row limit"
              name="limit"
              inputMode="numeric"
              value={state.limit}
              hint={`At most ${schema.maxLimit}.`}
              error={errors.limit}
              onChange={(e) => set({ limit: e.target.value })}
            />
          </div>
          <div className="form__actions">
            <Button type="submit" busy={run.isPending} busyLabel="Running…">
              Run report
            </Button>
            <Button
              variant="secondary"
              busy={download.isPending}
              busyLabel="Preparing CSV…"
              onClick={() => {
                run.reset();
                download.mutate(toRequest(state, fields));
              }}
            >
              Download CSV
            </Button>
          </div>
          <div className="filter-row">
            <TextField
              label="Save as"
              name="saveName"
              value={saveName}
              hint="A name to find this report by and run it again."
              error={errors.name}
              onChange={(e) => setSaveName(e.target.value)}
            />
            <Button
              variant="secondary"
              busy={save.isPending}
              busyLabel="Saving…"
              disabled={!saveName.trim()}
              onClick={onSave}
            >
              Save report
            </Button>
          </div>
          {save.isSuccess && !saveName && (
            <p className="muted small" role="status">
              Saved as “{save.data.name}”.
            </p>
          )}
        </form>
      </Card>
      {result && (
        <Card title="Result">
          <CustomResultTable result={result} />
        </Card>
      )}
    </>
  );
}
