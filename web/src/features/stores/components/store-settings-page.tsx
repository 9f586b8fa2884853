import { useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card, PageHeader } from '@/components/card';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { UnsavedChangesDialog } from '@/components/unsaved-changes-dialog';
import { useStore } from '@/hooks/use-store';
import { toApiError } from '@/lib/api-error';
import { checkRequired, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { useFormDirty, useUnsavedChanges } from '@/lib/use-unsaved-changes';
import { useUpdateStore } from '../api/update-store';
import { ApiKeysCard } from './api-keys-card';
import { DeleteStoreCard } from './delete-store-card';
import { SchedulesCard } from './schedules-card';
import { StoreFields } from './store-fields';
import { WebhooksCard } from './webhooks-card';

export function StoreSettingsPage() {
  const { storeId } = useStoreAccess();
  const canManage = useCan('settings:manage');
  // The store layout has it cached for its currency; the form starts from the server's latest.
  const store = useStore(storeId, { fresh: true });
  const update = useUpdateStore(storeId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const apiError = update.error ? toApiError(update.error) : undefined;
  const { dirty, formProps } = useFormDirty();
  const guard = useUnsavedChanges(dirty);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name = '', currency, timezone } = readForm(event);
    const found = collectErrors({ name: checkRequired(name, 'a store name') });
    setErrors(found);
    if (!hasErrors(found)) update.mutate({ name, currency, timezone });
  }

  return (
    <div className="page page--narrow">
      <PageHeader
        title="Store settings"
        subtitle="Name, currency, timezone, schedules, API keys and webhooks for this store."
      />
      <Card title="General">
        <QueryState query={store} loading="Loading store…">
          {(data) => (
            // key: the saved store remounts the form with fresh defaults and nothing unsaved
            <form
              key={data.updatedAt}
              onSubmit={onSubmit}
              noValidate
              className="form"
              {...formProps}
            >
              <UnsavedChangesDialog blocker={guard.blocker} />
              {!canManage && <p className="notice">Only store admins can change these settings.</p>}
              {update.isSuccess && !update.isPending && (
                <StatusMessage>Store settings saved.</StatusMessage>
              )}
              <ErrorBanner>{apiError?.message}</ErrorBanner>
              <fieldset disabled={!canManage} className="form__fieldset">
                <StoreFields initial={data} errors={{ ...apiError?.fieldErrors, ...errors }} />
              </fieldset>
              {canManage && (
                <div className="form__actions">
                  <Button type="submit" busy={update.isPending} busyLabel="Saving…">
                    Save changes
                  </Button>
                </div>
              )}
            </form>
          )}
        </QueryState>
      </Card>
      <SchedulesCard storeId={storeId} canManage={canManage} />
      {canManage && <ApiKeysCard storeId={storeId} />}
      {canManage && <WebhooksCard storeId={storeId} />}
      {canManage && store.data && <DeleteStoreCard storeId={storeId} storeName={store.data.name} />}
    </div>
  );
}
