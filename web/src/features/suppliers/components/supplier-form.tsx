import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { toApiError } from '@/lib/api-error';
import {
  checkNumber,
  checkRequired,
  collectErrors,
  hasErrors,
  readForm,
  toNumber,
  withoutEmpty,
  type FieldErrors,
} from '@/lib/forms';
import { useFormDirty, useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { useCreateSupplier } from '../api/create-supplier';
import { useUpdateSupplier } from '../api/update-supplier';
import type { Supplier, SupplierInput, SupplierStatus } from '../api/types';
import { SupplierFields } from './supplier-fields';

interface SupplierFormProps {
  storeId: string;
  editing?: Supplier;
  onSaved: (supplier: Supplier) => void;
  onCancel: () => void;
}

const TEXT_FIELDS = [
  'email',
  'phone',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'website',
  'contactPerson',
  'paymentTerms',
  'notes',
] as const;

export function SupplierForm({ storeId, editing, onSaved, onCancel }: SupplierFormProps) {
  const create = useCreateSupplier(storeId);
  const update = useUpdateSupplier(storeId);
  const mutation = editing ? update : create;
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = mutation.error ? toApiError(mutation.error) : undefined;
  const error = (name: string) => errors[name] ?? apiError?.fieldErrors[name];
  const { dirty, formProps } = useFormDirty();
  const guard = useUnsavedChanges(dirty);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readForm(event);
    const found = collectErrors({
      name: checkRequired(values.name, 'the supplier name'),
      leadTimeDays: checkNumber(values.leadTimeDays, { min: 0, max: 365, integer: true }),
    });
    setErrors(found);
    if (hasErrors(found)) return;
    // Editing sends null for an emptied field, so it is cleared; creating leaves it out.
    const input: SupplierInput = {
      name: values.name ?? '',
      status: values.status as SupplierStatus,
      leadTimeDays: toNumber(values.leadTimeDays),
      ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, values[f] || null])),
      ...(values.taxId ? { taxId: values.taxId } : {}),
    };
    if (editing) update.mutate({ id: editing.id, input }, { onSuccess: onSaved });
    else create.mutate(withoutEmpty(input) as SupplierInput, { onSuccess: onSaved });
  }

  return (
    <Card title={editing ? `Edit supplier “${editing.name}”` : 'New supplier'}>
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <UnsavedChangesDialog blocker={guard.blocker} />
      <form
        key={editing?.id ?? 'new'}
        onSubmit={onSubmit}
        noValidate
        className="form"
        {...formProps}
      >
        <SupplierFields initial={editing} error={error} />
        <div className="form__actions">
          <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
            {editing ? 'Save supplier' : 'Create supplier'}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
