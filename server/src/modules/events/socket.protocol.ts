import { z } from 'zod';
import { uuid } from '../../http/validate';

/** The WebSocket's path, on the API's own HTTP server. */
export const WS_PATH = '/api/v1/ws';

/** Close codes the server uses (openapi.yaml, tag `events`, lists them). */
export const CLOSE = {
  /** Server shutting down: reconnect (to another replica) with backoff. */
  GOING_AWAY: 1001,
  /** A message over MAX_MESSAGE_BYTES (ws closes with it by itself). */
  TOO_BIG: 1009,
  /** More than MAX_PENDING_MESSAGES sent before the server answered the earlier ones. */
  POLICY: 1008,
  /** No valid token: none in time, an invalid one, expired without renewal, or its session ended. */
  UNAUTHORIZED: 4001,
  /** Did not read its messages: the send buffer passed MAX_BUFFERED_BYTES. */
  SLOW_CONSUMER: 4008,
  /** The user has MAX_SOCKETS_PER_USER sockets open on this server already. */
  TOO_MANY_SOCKETS: 4029,
} as const;

export const LIMITS = {
  /** A client message's size; larger ones close the socket (1009). */
  MAX_MESSAGE_BYTES: 4096,
  /** Bytes queued for a socket the client has not read; beyond, it is closed (4008). */
  MAX_BUFFERED_BYTES: 1024 * 1024,
  /** How long a socket may stay open without authenticating. */
  AUTH_TIMEOUT_MS: 5000,
  MAX_SUBSCRIPTIONS: 50,
  /** Client messages received and not yet handled (they are handled one at a time). */
  MAX_PENDING_MESSAGES: 16,
  /** Per user, per server process. */
  MAX_SOCKETS_PER_USER: 20,
  /** Events read from the outbox per query when filling a gap. */
  BACKLOG_PAGE: 500,
};

const eventId = z
  .string()
  .regex(/^\d{1,15}$/, 'must be an event id (digits)')
  .transform(Number);

export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(4000) }),
  z.object({
    type: z.literal('subscribe'),
    storeId: uuid,
    lastEventId: eventId.nullish(),
  }),
  z.object({ type: z.literal('unsubscribe'), storeId: uuid }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;

/** A message as received, parsed and checked; a string says what is wrong with it. */
export function parseMessage(raw: string): ClientMessage | string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'Messages are JSON objects';
  }
  const parsed = clientMessage.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.path[0] === 'type' || issue.path.length === 0) {
    return 'type must be one of auth, subscribe, unsubscribe';
  }
  return `${issue.path.join('.')}: ${issue.message}`;
}
