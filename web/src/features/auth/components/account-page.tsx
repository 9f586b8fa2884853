import { useSession } from '@/lib/session';
import { Card, PageHeader } from '@/components/card';
import { formatDate } from '@/lib/format';
import { ChangePasswordForm } from './change-password-form';

export function AccountPage() {
  const session = useSession();
  if (session.status !== 'authenticated') return null;
  const { user } = session;

  return (
    <div className="page page--narrow">
      <PageHeader title="Your account" subtitle="Profile and security settings." />
      <Card title="Profile">
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Member since</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </dl>
      </Card>
      <Card
        title="Change password"
        description="Changing your password signs you out everywhere else."
      >
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
