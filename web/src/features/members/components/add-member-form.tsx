import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { SelectField, TextField } from '@/components/form-field';
import { ErrorBanner, StatusMessage } from '@/components/messages';
import { toApiError } from '@/lib/api-error';
import { formatRole } from '@/lib/format';
import { checkEmail, collectErrors, hasErrors, readForm, type FieldErrors } from '@/lib/forms';
import { useAddMember } from '../api/add-member';
import type { AddMemberResult, Role } from '../api/types';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './role-options';

function describe(result: AddMemberResult): string {
  if (result.status === 'added') {
    const { member } = result;
    return `${member.name || member.email} was added as ${formatRole(member.role)}.`;
  }
  const { invitation } = result;
  return `Invitation sent to ${invitation.email} as ${formatRole(invitation.role)}. They join when they sign up with that e-mail.`;
}

export function AddMemberForm({ storeId }: { storeId: string }) {
  const add = useAddMember(storeId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [role, setRole] = useState<Role>('employee');
  const roleHintId = useId();
  const apiError = add.error ? toApiError(add.error) : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { email = '', role = 'employee' } = readForm(event);
    const found = collectErrors({ email: checkEmail(email) });
    setErrors(found);
    if (hasErrors(found)) return;
    add.mutate(
      { email, role: role as Role },
      {
        onSuccess: () => {
          form.reset();
          setRole('employee');
        },
      },
    );
  }

  return (
    <Card
      title="Add a member"
      description="Existing Nimbus users are added right away; anyone else gets an invitation."
    >
      {add.data && !add.isPending && <StatusMessage>{describe(add.data)}</StatusMessage>}
      <ErrorBanner>{apiError?.message}</ErrorBanner>
      <form onSubmit={onSubmit} noValidate className="form form--inline">
        <TextField
          label="Member email"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="colleague@example.com"
          error={errors.email ?? apiError?.fieldErrors.email}
        />
        <SelectField
          label="Member role"
          name="role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          options={ROLE_OPTIONS}
          aria-describedby={roleHintId}
          error={apiError?.fieldErrors.role}
        />
        <Button type="submit" busy={add.isPending} busyLabel="Adding…">
          Add member
        </Button>
      </form>
      <p className="role-hint" id={roleHintId}>
        <strong>{formatRole(role)}:</strong> {ROLE_DESCRIPTIONS[role]}
      </p>
      <details className="role-guide">
        <summary>What each role can do</summary>
        <dl className="details">
          {ROLE_OPTIONS.map((option) => (
            <div key={option.value} className="details__row">
              <dt>{option.label}</dt>
              <dd>{ROLE_DESCRIPTIONS[option.value]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </Card>
  );
}
