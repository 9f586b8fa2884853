import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { useExportProducts } from '../api/export-products';

export function ExportCard({ storeId }: { storeId: string }) {
  const exporter = useExportProducts(storeId);
  const busyWith = exporter.isPending ? exporter.variables : undefined;
  return (
    <Card
      title="Export products"
      description="The whole catalogue with stock on hand, as a spreadsheet."
    >
      <ErrorBanner>{exporter.error ? toApiError(exporter.error).message : undefined}</ErrorBanner>
      <div className="form__actions">
        <Button
          variant="secondary"
          busy={busyWith === 'csv'}
          busyLabel="Preparing CSV…"
          onClick={() => exporter.mutate('csv')}
        >
          Export CSV
        </Button>
        <Button
          variant="secondary"
          busy={busyWith === 'xlsx'}
          busyLabel="Preparing XLSX…"
          onClick={() => exporter.mutate('xlsx')}
        >
          Export XLSX
        </Button>
      </div>
    </Card>
  );
}
