import { useMe } from '@/features/auth/api/get-me';
import { NewTransferPage } from '@/features/transfers/components/new-transfer-page';

/** A new transfer, to any other store the user belongs to (their memberships, from auth). */
export function NewTransferRoute() {
  const me = useMe();
  return <NewTransferPage destinations={me.data?.memberships ?? []} />;
}
