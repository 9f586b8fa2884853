import { disabledByFailures } from './endpoints.repo';

/** What other modules may read of the webhooks' tables: the alerts' disabled endpoints. */
export const webhookReads = { disabledByFailures };
export type WebhookReads = typeof webhookReads;
