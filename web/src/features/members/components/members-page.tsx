import { PageHeader } from '../../../components/card';
import { useCan, useStoreAccess } from '../../../lib/store-access';
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
            : `People who work in ${storeName}. Only store admins can change memberships.`
        }
      />
      <MembersCard storeId={storeId} canManage={canManage} />
      {canManage && <AddMemberForm storeId={storeId} />}
      {canManage && <InvitationsCard storeId={storeId} />}
    </div>
  );
}
