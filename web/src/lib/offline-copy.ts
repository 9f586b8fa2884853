import { isAxiosError } from 'axios';
import { getSession } from './session';

/**
 * Small answers a screen needs to open at all (who the user is and their stores, the store's
 * currency), kept on this device per user so a page opened with no connection (the till,
 * offline) still opens: the answer when the server gives one (and it is kept), the kept copy
 * when it gives none. Refusals (4xx, 5xx) are never papered over.
 */
export async function withOfflineCopy<T>(name: string, fetch: () => Promise<T>): Promise<T> {
  const session = getSession();
  const key =
    session.status === 'authenticated' ? `nimbus-offline:${session.user.id}:${name}` : undefined;
  try {
    const answer = await fetch();
    if (key) {
      try {
        localStorage.setItem(key, JSON.stringify(answer));
      } catch {
        // A full storage costs only the offline copy.
      }
    }
    return answer;
  } catch (error) {
    const unanswered = isAxiosError(error) && !error.response && error.code !== 'ERR_CANCELED';
    const kept = unanswered && key ? localStorage.getItem(key) : null;
    if (kept) return JSON.parse(kept) as T;
    throw error;
  }
}
