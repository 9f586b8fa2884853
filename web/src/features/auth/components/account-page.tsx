import { useSession } from '@/lib/session';
import { Card, PageHeader } from '@/components/card';
import { formatDate } from '@/lib/format';
import { ApprovalPinForm } from './approval-pin-form';
import { ChangePasswordForm } from './change-password-form';
import { ProfileForm } from './profile-form';

export function AccountPage() {
  const session = useSession();
  if (session.status !== 'authenticated') return null;
  const { user } = session;

  return (
    <div className="page page--narrow">
      <PageHeader title="Your account" subtitle="Profile and security settings." />
      <Card title="Profile" description={`Member since ${formatDate(user.createdAt)}.`}>
        <ProfileForm key={user.id} name={user.name} email={user.email} />
      </Card>
      <Card
        title="Change password"
        description="Changing your password signs you out everywhere else."
      >
        <ChangePasswordForm />
      </Card>
      <Card
        title="Approval PIN"
        description="Managers and admins approve an employee’s void, refund or discount on the employee’s till with this PIN."
      >
        <ApprovalPinForm />
      </Card>
    </div>
  );
}
