import { Button } from '@/components/button';
import { toApiError } from '@/lib/api-error';
import { useDownloadOriginal } from '../api/download-original';

/** Downloads the file the invoice was read from; says why when it cannot. */
export function OriginalFileButton({
  storeId,
  invoice,
}: {
  storeId: string;
  invoice: { id: string; fileName: string };
}) {
  const download = useDownloadOriginal(storeId, invoice.id, invoice.fileName);
  return (
    <>
      <Button
        variant="secondary"
        busy={download.isPending}
        busyLabel="Downloading…"
        onClick={() => download.mutate()}
      >
        Original file ({invoice.fileName})
      </Button>
      {download.error && (
        <span className="field__error" role="alert">
          {toApiError(download.error).message}
        </span>
      )}
    </>
  );
}
