import { Link } from 'react-router-dom';
import { Card, PageHeader } from '@/components/card';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { ExportCard } from './export-card';
import { ImportForm } from './import-form';

export function ImportPage() {
  const { storeId } = useStoreAccess();
  const canWrite = useCan('inventory:write');
  return (
    <div className="page page--narrow">
      <Link to={`/stores/${storeId}/products`} className="back-link">
        <span aria-hidden="true">←</span> All products
      </Link>
      <PageHeader
        title="Import and export products"
        subtitle="Load a catalogue from a spreadsheet, or download yours."
      />
      <Card
        title="Import products"
        description="Validate first: it checks every row and changes nothing."
      >
        {canWrite ? (
          <ImportForm storeId={storeId} />
        ) : (
          <p className="notice">Your role cannot import products into this store.</p>
        )}
      </Card>
      <ExportCard storeId={storeId} />
    </div>
  );
}
