import { useState } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmAction } from '@/components/confirm-action';
import { Dialog } from '@/components/dialog';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhook,
  useWebhooks,
  type Webhook,
} from '../api/webhooks';
import { CreateWebhookDialog } from './create-webhook-dialog';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookSecret } from './webhook-secret';

function status(hook: Webhook) {
  if (hook.enabled) {
    return hook.consecutiveFailures > 0
      ? `Enabled, ${hook.consecutiveFailures} failed attempts in a row`
      : 'Enabled';
  }
  return `Disabled${hook.disabledReason ? `: ${hook.disabledReason}` : ''}`;
}

/**
 * Outbound webhooks: admins register receivers for the store's events, see each one's state,
 * enable or disable it, rotate its secret, send a test event, and read its delivery log.
 */
export function WebhooksCard({ storeId }: { storeId: string }) {
  const hooks = useWebhooks(storeId);
  const update = useUpdateWebhook(storeId);
  const remove = useDeleteWebhook(storeId);
  const rotate = useRotateWebhookSecret(storeId);
  const test = useSendTestEvent(storeId);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string>();
  const failure = [update, remove, rotate, test].find((m) => m.error)?.error;

  return (
    <Card
      title="Webhooks"
      description="Nimbus sends the store's events to these URLs as signed POST requests, in order, retrying when a receiver fails."
      actions={<Button onClick={() => setCreating(true)}>New webhook…</Button>}
    >
      <CreateWebhookDialog storeId={storeId} open={creating} onClose={() => setCreating(false)} />
      <Dialog
        open={rotate.isSuccess}
        title="Copy the new signing secret"
        onClose={() => rotate.reset()}
        dismissible={false}
      >
        {rotate.data && <WebhookSecret secret={rotate.data.secret} onDone={() => rotate.reset()} />}
      </Dialog>
      <ErrorBanner>{failure ? toApiError(failure).message : undefined}</ErrorBanner>
      {test.isSuccess && !test.isPending && (
        <StatusMessage>Test event queued: see its delivery below.</StatusMessage>
      )}
      <QueryState
        query={hooks}
        loading="Loading webhooks…"
        empty={<p className="muted">No webhooks yet.</p>}
      >
        {(data) => (
          <div>
            <div
              className="table-wrap"
              tabIndex={0}
              role="region"
              aria-label="Webhooks, scrollable"
            >
              <table className="table" aria-label="Webhooks">
                <thead>
                  <tr>
                    <th scope="col">URL</th>
                    <th scope="col">Events</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((hook) => (
                    <tr key={hook.id}>
                      <td>
                        <code>{hook.url}</code>
                        {hook.description && <div className="muted small">{hook.description}</div>}
                      </td>
                      <td>{hook.events.includes('*') ? 'All events' : hook.events.join(', ')}</td>
                      <td>{status(hook)}</td>
                      <td className="table__actions">
                        <Button
                          variant="ghost"
                          aria-expanded={shown === hook.id}
                          onClick={() => setShown(shown === hook.id ? undefined : hook.id)}
                        >
                          Deliveries<span className="visually-hidden"> to {hook.url}</span>
                        </Button>
                        {hook.enabled && (
                          <Button
                            variant="ghost"
                            busy={test.isPending && test.variables === hook.id}
                            onClick={() => {
                              setShown(hook.id);
                              test.mutate(hook.id);
                            }}
                          >
                            Send test event<span className="visually-hidden"> to {hook.url}</span>
                          </Button>
                        )}
                        <Button
                          variant="ghost"
                          busy={update.isPending && update.variables?.webhookId === hook.id}
                          onClick={() =>
                            update.mutate({ webhookId: hook.id, body: { enabled: !hook.enabled } })
                          }
                        >
                          {hook.enabled ? 'Disable' : 'Enable'}
                          <span className="visually-hidden"> {hook.url}</span>
                        </Button>
                        <Button
                          variant="ghost"
                          busy={rotate.isPending && rotate.variables === hook.id}
                          onClick={() => rotate.mutate(hook.id)}
                        >
                          Rotate secret<span className="visually-hidden"> of {hook.url}</span>
                        </Button>
                        <ConfirmAction
                          action="Delete"
                          subject={`webhook ${hook.url}`}
                          busy={remove.isPending && remove.variables === hook.id}
                          onConfirm={() => remove.mutate(hook.id)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data
              .filter((hook) => hook.id === shown)
              .map((hook) => (
                <WebhookDeliveries
                  key={hook.id}
                  storeId={storeId}
                  webhookId={hook.id}
                  url={hook.url}
                />
              ))}
          </div>
        )}
      </QueryState>
    </Card>
  );
}
