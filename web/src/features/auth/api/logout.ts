import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { signOut } from '@/lib/http';
import { currentSubscription } from '@/lib/web-push';

/** How long signing out waits for the push subscription to end before it goes on. */
const PUSH_GRACE_MS = 3000;

/**
 * This device's push subscription ends with the session: the next person on it must not see
 * this user's alerts. The browser's end is what matters (a server that is not told learns it
 * from the push service's 410 on the next push), so both go at once; whatever happens to
 * them, the session ends, within a few seconds.
 */
async function leavePush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  const forget = apiClient.delete('/me/push-subscriptions', {
    query: { endpoint: subscription.endpoint },
  });
  await Promise.allSettled([forget, subscription.unsubscribe()]);
}

async function signOutHere(): Promise<void> {
  const grace = new Promise((resolve) => setTimeout(resolve, PUSH_GRACE_MS));
  await Promise.race([leavePush().catch(() => undefined), grace]);
  await signOut();
}

/** Signing out always ends the local session (in every tab), even when the server call fails. */
export function useSignOut() {
  return useMutation({ mutationFn: signOutHere });
}
