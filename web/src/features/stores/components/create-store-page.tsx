import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useCreateStore } from '../api/create-store';
import { StoreFields } from './store-fields';

export function CreateStorePage({ firstStore = false }: { firstStore?: boolean }) {
  const create = useCreateStore();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = create.error ? toApiError(create.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name = '', currency, timezone } = readForm(event);
    const found = collectErrors({ name: checkRequired(name, 'a store name') });
    setErrors(found);
    if (hasErrors(found)) return;
    create.mutate(
      { name, currency, timezone },
      { onSuccess: (store) => navigate(`/stores/${store.id}`) },
    );
  }

  return (
    <div className="page page--narrow">
      <PageHeader
        title={firstStore ? 'Create your first store' : 'Create a store'}
        subtitle={
          firstStore
            ? 'You are not a member of any store yet. Create one to start tracking inventory, or ask a store admin to invite you.'
            : 'Each store has its own catalogue, stock, staff and reports. You will be its admin.'
        }
      />
      <Card>
        <ErrorBanner>{apiError?.message}</ErrorBanner>
        <form onSubmit={onSubmit} noValidate className="form">
          <StoreFields errors={{ ...apiError?.fieldErrors, ...errors }} />
          <div className="form__actions">
            <Button type="submit" busy={create.isPending} busyLabel="Creating store…">
              Create store
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
