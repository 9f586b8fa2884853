// Keys more than one feature touches: /auth/me holds the user's store memberships, so
// creating, renaming or leaving a store must invalidate it.
export const meQueryKey = ['auth', 'me'] as const;
