import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button } from '@/components/button';
import { toApiError } from '@/lib/api-error';
import { formatDate, formatRole } from '@/lib/format';
import { useSession } from '@/lib/session';
import { useRemoveMember } from '../api/remove-member';
import { useUpdateMemberRole } from '../api/update-member-role';
import type { Member, Role } from '../api/types';
import { ROLE_OPTIONS } from './role-options';

interface MemberRowProps {
  storeId: string;
  member: Member;
  canManage: boolean;
  onOutcome: (outcome: { notice?: string; problem?: string }) => void;
}

export function MemberRow({ storeId, member, canManage, onOutcome }: MemberRowProps) {
  const session = useSession();
  const navigate = useNavigate();
  const updateRole = useUpdateMemberRole(storeId);
  const remove = useRemoveMember(storeId);
  const [confirming, setConfirming] = useState(false);
  /** A role chosen in the select, saved only once confirmed. */
  const [newRole, setNewRole] = useState<Role>();
  const isSelf = session.status === 'authenticated' && session.user.id === member.userId;
  const label = member.name || member.email;
  const selectId = `role-${member.userId}`;

  function changeRole(role: Role) {
    updateRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => onOutcome({ notice: `${label} is now ${formatRole(role)}.` }),
        onError: (error) => onOutcome({ problem: toApiError(error).message }),
        onSettled: () => setNewRole(undefined),
      },
    );
  }

  function confirmRemove() {
    remove.mutate(member.userId, {
      onSuccess: () => {
        onOutcome({ notice: `${label} was removed from the store.` });
        if (isSelf) navigate('/', { replace: true });
      },
      onError: (error) => onOutcome({ problem: toApiError(error).message }),
      onSettled: () => setConfirming(false),
    });
  }

  return (
    <tr>
      <td>
        {member.name}
        {isSelf && <span className="tag">You</span>}
      </td>
      <td>{member.email}</td>
      <td>
        {canManage ? (
          <>
            <label htmlFor={selectId} className="visually-hidden">
              Role for {label}
            </label>
            <select
              id={selectId}
              value={newRole ?? member.role}
              disabled={updateRole.isPending}
              onChange={(e) => {
                const role = e.target.value as Role;
                setNewRole(role === member.role ? undefined : role);
              }}
            >
              {ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {newRole && (
              <span className="confirm-action" role="group" aria-label={`Change ${label}'s role`}>
                <span className="small">
                  {formatRole(member.role)} → {formatRole(newRole)}
                  {isSelf ? ' (your own role)' : ''}?
                </span>
                <Button busy={updateRole.isPending} onClick={() => changeRole(newRole)}>
                  Change role<span className="visually-hidden"> of {label}</span>
                </Button>
                <Button variant="ghost" onClick={() => setNewRole(undefined)}>
                  Keep {formatRole(member.role)}
                </Button>
              </span>
            )}
          </>
        ) : (
          <span className={`role-badge role-badge--${member.role}`}>{formatRole(member.role)}</span>
        )}
      </td>
      <td>{formatDate(member.joinedAt)}</td>
      {canManage && (
        <td className="table__actions">
          {confirming ? (
            <>
              <Button variant="danger" busy={remove.isPending} onClick={confirmRemove}>
                Confirm removal<span className="visually-hidden"> of {label}</span>
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <Button
              variant="ghost"
              className="btn--danger-text"
              onClick={() => setConfirming(true)}
            >
              Remove<span className="visually-hidden"> {label}</span>
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}
