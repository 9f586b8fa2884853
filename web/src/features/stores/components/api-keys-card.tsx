import { useState } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDateTime, formatRole } from '@/lib/format';
import { useApiKeys, useRevokeApiKey, type ApiKey } from '../api/api-keys';
import { CreateApiKeyDialog } from './create-api-key-dialog';

const STATUS_LABELS: Record<ApiKey['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Keys for integrations (a till, a web shop): admins create them, see them listed, revoke them. */
export function ApiKeysCard({ storeId }: { storeId: string }) {
  const keys = useApiKeys(storeId);
  const revoke = useRevokeApiKey(storeId);
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title="API keys"
      description="Let an integration (a till, a web shop, accounting) use this store through the API with one role. A key is shown once, when it is created."
      actions={<Button onClick={() => setCreating(true)}>New API key…</Button>}
    >
      <CreateApiKeyDialog storeId={storeId} open={creating} onClose={() => setCreating(false)} />
      <ErrorBanner>{revoke.error ? toApiError(revoke.error).message : undefined}</ErrorBanner>
      <QueryState
        query={keys}
        loading="Loading API keys…"
        empty={<p className="muted">No API keys yet.</p>}
      >
        {(data) => (
          // Focusable: on a narrow page the table scrolls sideways, also by keyboard.
          <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys, scrollable">
            <table className="table" aria-label="API keys">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created by</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((key) => (
                  <tr key={key.id}>
                    <td>{key.name}</td>
                    <td>
                      <span className={`role-badge role-badge--${key.role}`}>
                        {formatRole(key.role)}
                      </span>
                    </td>
                    <td>
                      <code>{key.prefix}…</code>
                    </td>
                    <td>{key.createdBy.name ?? 'A former member'}</td>
                    <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
                    <td>{key.expiresAt ? formatDateTime(key.expiresAt) : 'Never'}</td>
                    <td>{STATUS_LABELS[key.status]}</td>
                    <td className="table__actions">
                      {key.status === 'active' && (
                        <ConfirmAction
                          action="Revoke"
                          subject={`API key ${key.name}`}
                          busy={revoke.isPending && revoke.variables === key.id}
                          onConfirm={() => revoke.mutate(key.id)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Card>
  );
}
