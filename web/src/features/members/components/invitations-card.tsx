import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ErrorBanner } from '@/components/messages';
import { QueryState } from '@/components/query-state';
import { toApiError } from '@/lib/api-error';
import { formatDate, formatRole } from '@/lib/format';
import { useInvitations } from '../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { TableWrap } from '@/components/table-wrap';

export function InvitationsCard({ storeId }: { storeId: string }) {
  const invitations = useInvitations(storeId);
  const revoke = useRevokeInvitation(storeId);

  return (
    <Card title="Pending invitations" description="People invited who have not signed up yet.">
      <ErrorBanner>{revoke.error ? toApiError(revoke.error).message : undefined}</ErrorBanner>
      <QueryState
        query={invitations}
        loading="Loading invitations…"
        empty={<p className="muted">No pending invitations.</p>}
      >
        {(data) => (
          <TableWrap label="Pending invitations">
            <table className="table" aria-label="Pending invitations">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Invited</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>
                      <span className={`role-badge role-badge--${invitation.role}`}>
                        {formatRole(invitation.role)}
                      </span>
                    </td>
                    <td>{formatDate(invitation.invitedAt)}</td>
                    <td className="table__actions">
                      <Button
                        variant="ghost"
                        className="btn--danger-text"
                        busy={revoke.isPending && revoke.variables === invitation.id}
                        onClick={() => revoke.mutate(invitation.id)}
                      >
                        Revoke
                        <span className="visually-hidden"> invitation for {invitation.email}</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryState>
    </Card>
  );
}
