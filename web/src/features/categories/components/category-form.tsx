import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { TextAreaField, TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useFormDirty, useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';
import type { Category } from '../api/types';

interface CategoryFormProps {
  storeId: string;
  /** The category being edited; without it the form creates one. */
  editing?: Category;
  onDone: () => void;
}

export function CategoryForm({ storeId, editing, onDone }: CategoryFormProps) {
  const create = useCreateCategory(storeId);
  const update = useUpdateCategory(storeId);
  const mutation = editing ? update : create;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string>();
  const apiError = mutation.error ? toApiError(mutation.error) : undefined;
  const fieldError = (name: string) => errors[name] ?? apiError?.fieldErrors[name];
  const { dirty, formProps } = useFormDirty();
  const guard = useUnsavedChanges(dirty);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { name = '', description = '' } = readForm(event);
    const found = collectErrors({
      name:
        checkRequired(name, 'a category name') ??
        (name.length > 50 ? 'Use at most 50 characters.' : undefined),
    });
    setErrors(found);
    setSaved(undefined);
    if (hasErrors(found)) return;
    const input = { name, description: description || null };
    const onSuccess = (category: Category) => {
      setSaved(
        editing ? `Category “${category.name}” saved.` : `Category “${category.name}” created.`,
      );
      form.reset();
      onDone();
    };
    if (editing) update.mutate({ id: editing.id, input }, { onSuccess });
    else create.mutate(input, { onSuccess });
  }

  return (
    <Card
      title={editing ? `Edit category “${editing.name}”` : 'New category'}
      description="Categories group products on lists, filters and the dashboard."
    >
      <StatusMessage>{saved}</StatusMessage>
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <UnsavedChangesDialog blocker={guard.blocker} />
      {/* key: fresh defaults whenever another category is picked for editing */}
      <form
        key={editing?.id ?? 'new'}
        onSubmit={onSubmit}
        noValidate
        className="form"
        {...formProps}
      >
        <TextField
          label="Category name"
          name="name"
          maxLength={50}
          defaultValue={editing?.name}
          error={fieldError('name')}
          autoFocus={!!editing}
        />
        <TextAreaField
          label="Category description"
          name="description"
          maxLength={500}
          defaultValue={editing?.description ?? ''}
          error={fieldError('description')}
        />
        <div className="form__actions">
          <Button type="submit" busy={mutation.isPending} busyLabel="Saving…">
            {editing ? 'Save category' : 'Create category'}
          </Button>
          {editing && (
            <Button variant="ghost" onClick={onDone}>
              Cancel editing
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
