import { useMutation } from '@tanstack/react-query';
import { signOut } from '@/lib/http';

/** Signing out always ends the local session (in every tab), even when the server call fails. */
export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
