import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { checkNumber, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { usePrintLabels, type LabelsRequest } from '../api/print-labels';

const KINDS = [
  { value: 'shelf', label: 'Shelf labels (name, price, barcode)' },
  { value: 'barcode', label: 'Barcode stickers' },
];
const PAPERS = [
  { value: 'a4', label: 'A4 label sheets' },
  { value: 'letter', label: 'Letter label sheets' },
];

/** A product's shelf labels or barcode stickers, as a PDF to print at 100% scale. */
export function LabelsCard({ storeId, productId }: { storeId: string; productId: string }) {
  const print = usePrintLabels(storeId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = print.error ? toApiError(print.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event);
    const found = collectErrors({
      copies: checkNumber(values.copies, { required: true, min: 1, max: 100, integer: true }),
    });
    setErrors(found);
    if (hasErrors(found)) return;
    print.mutate({
      kind: values.kind as LabelsRequest['kind'],
      paper: values.paper as LabelsRequest['paper'],
      items: [{ productId, copies: Number(values.copies) }],
    });
  }

  return (
    <Card
      title="Labels"
      description="A PDF for standard label sheets; print it at 100% scale (not “fit to page”)."
    >
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form">
        <SelectField label="Label" name="kind" options={KINDS} defaultValue="shelf" />
        <SelectField label="Paper" name="paper" options={PAPERS} defaultValue="a4" />
        <TextField
          label="Copies"
          name="copies"
          type="number"
          min={1}
          max={100}
          step={1}
          inputMode="numeric"
          defaultValue="1"
          error={errors.copies ?? apiError?.fieldErrors['items.0.copies']}
        />
        <div className="form__actions">
          <Button
            type="submit"
            variant="secondary"
            busy={print.isPending}
            busyLabel="Making the PDF…"
          >
            Download labels
          </Button>
        </div>
      </form>
    </Card>
  );
}
