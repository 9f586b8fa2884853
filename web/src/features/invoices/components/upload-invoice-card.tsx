import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { useProductOptions } from '@/hooks/use-product-options';
import { toApiError } from '@/lib/api-error';
import { useUploadInvoice } from '../api/upload-invoice';

/** Upload a supplier's invoice; the server's reasons for refusing it are shown in its words. */
export function UploadInvoiceCard({ storeId }: { storeId: string }) {
  const fileId = useId();
  const navigate = useNavigate();
  const { suppliers } = useProductOptions(storeId);
  const [file, setFile] = useState<File | null>(null);
  const [supplierId, setSupplierId] = useState('');
  const [fileError, setFileError] = useState<string>();
  const upload = useUploadInvoice(storeId);
  const apiError = upload.error ? toApiError(upload.error) : undefined;
  // Row-by-row reasons (a quantity that is not a number in row 4, ...), as the server names them.
  const onFields = ['supplierId', 'invoiceNumber', 'invoiceDate'];
  const details = Object.entries(apiError?.fieldErrors ?? {}).filter(
    ([f]) => !onFields.includes(f),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError('Choose the invoice file to upload.');
      return;
    }
    setFileError(undefined);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    upload.mutate(
      {
        file,
        supplierId: supplierId || undefined,
        invoiceNumber: String(data.get('invoiceNumber') ?? '').trim() || undefined,
        invoiceDate: String(data.get('invoiceDate') ?? '') || undefined,
      },
      { onSuccess: (answer) => navigate(`/stores/${storeId}/invoices/${answer.invoiceId}`) },
    );
  }

  return (
    <Card
      title="Upload an invoice"
      description="A CSV or XLSX with a header row (description, qty, unit cost, total, UPC, SKU in any order), a PDF, or a scan or photo of a paper invoice (PNG or JPEG, read by OCR). Its lines are matched to your products for you to review before anything is received."
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner>
          {apiError && (
            <>
              <p>{apiError.message}</p>
              {details.length > 0 && (
                <ul className="error-list">
                  {details.map(([field, message]) => (
                    <li key={field}>
                      {field}: {message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </ErrorBanner>
        <div className="field">
          <label htmlFor={fileId}>Invoice file (CSV, XLSX, PDF, or a scan as PNG or JPEG)</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,.pdf,.png,.jpg,.jpeg,text/csv,application/pdf,image/png,image/jpeg,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
          {fileError && (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
        </div>
        <SelectField
          label="Supplier"
          name="supplierId"
          value={supplierId}
          onChange={(e) => setSupplierId(e.target.value)}
          hint="Leave it to the file: the supplier named on the invoice is found by name."
          error={apiError?.fieldErrors.supplierId}
          options={[
            { value: '', label: 'As named on the invoice' },
            ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextField
          label="Invoice number"
          name="invoiceNumber"
          maxLength={64}
          hint="Optional: over what the file says."
          error={apiError?.fieldErrors.invoiceNumber}
        />
        <TextField
          label="Invoice date"
          name="invoiceDate"
          type="date"
          hint="Optional."
          error={apiError?.fieldErrors.invoiceDate}
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={upload.isPending} busyLabel="Reading…">
            Upload and match
          </Button>
        </div>
      </form>
    </Card>
  );
}
