import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { QueryState } from '@/components/query-state';
import { formatDateTime } from '@/lib/format';
import { useDeleteSavedReport, useSavedReports, type SavedReport } from '../api/saved-reports';

/** The store's saved custom reports, each to run again or delete. */
export function SavedReportsCard({
  storeId,
  running,
  onRun,
}: {
  storeId: string;
  running: string | undefined;
  onRun: (report: SavedReport) => void;
}) {
  const saved = useSavedReports(storeId);
  const remove = useDeleteSavedReport(storeId);
  return (
    <Card title="Saved reports">
      <QueryState
        query={saved}
        loading="Loading saved reports…"
        empty={<p className="muted">No saved reports yet: build one below and save it.</p>}
      >
        {(all) => {
          const custom = all.filter((r) => r.report === 'custom');
          if (!custom.length)
            return <p className="muted">No saved reports yet: build one below and save it.</p>;
          return (
            <ul className="saved-reports" aria-label="Saved reports">
              {custom.map((r) => (
                <li key={r.id} className="saved-reports__item">
                  <span>
                    <span className="strong">{r.name}</span>
                    <span className="muted small"> · saved {formatDateTime(r.createdAt)}</span>
                  </span>
                  <span className="saved-reports__actions">
                    <Button
                      variant="secondary"
                      busy={running === r.id}
                      busyLabel="Running…"
                      aria-label={`Run ${r.name}`}
                      onClick={() => onRun(r)}
                    >
                      Run
                    </Button>
                    <Button
                      variant="secondary"
                      busy={remove.isPending && remove.variables === r.id}
                      busyLabel="Deleting…"
                      aria-label={`Delete ${r.name}`}
                      onClick={() => remove.mutate(r.id)}
                    >
                      Delete
                    </Button>
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </Card>
  );
}
