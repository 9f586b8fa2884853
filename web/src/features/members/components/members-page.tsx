import { Card, PageHeader } from '@/components/card';
import { useCan, useStoreAccess } from '@/lib/store-access';
import { AddMemberForm } from './add-member-form';
import { InvitationsCard } from './invitations-card';
import { MembersCard } from './members-card';

export function MembersPage() {
  const { storeId, storeName } = useStoreAccess();
  const canManage = useCan('settings:manage');

  return (
    <div className="page">
      <PageHeader
        title="Members"
        subtitle={
          canManage
            ? `Invite staff to ${storeName} and choose what each of them can do.`
            : `The team of ${storeName}.`
        }
      />
      {canManage ? (
        <MembersCard storeId={storeId} canManage={canManage} />
      ) : (
        <Card title="Team">
          <p className="notice">Only store admins can see and manage the members of {storeName}.</p>
        </Card>
      )}
      {canManage && <AddMemberForm storeId={storeId} />}
      {canManage && <InvitationsCard storeId={storeId} />}
    </div>
  );
}
