import { useState } from 'react';
import { needsApproval } from '../api/create-approval';

/**
 * The manager-approval step of an action an employee may take only with one (a void, a
 * refund, a discount beyond their limit): when the API refuses it for want of an approval,
 * `refused` keeps what was sent and opens the approval dialog; once a manager approves,
 * the same input is sent again with the approval's token.
 */
export function useApprovalStep<T>(send: (input: T, approval?: string) => void) {
  const [waiting, setWaiting] = useState<{ input: T }>();
  return {
    /** For the action's onError: true when it now asks for an approval. */
    refused(error: unknown, input: T): boolean {
      if (!needsApproval(error)) return false;
      setWaiting({ input });
      return true;
    },
    /** Props for <ApprovalDialog>. */
    dialog: {
      open: waiting !== undefined,
      onClose: () => setWaiting(undefined),
      onApproved: (token: string) => {
        const input = waiting?.input;
        setWaiting(undefined);
        if (input !== undefined) send(input, token);
      },
    },
  };
}
