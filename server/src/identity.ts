import type { Pool } from 'pg';
import type { Config } from './config';
import type { Logger } from './logger';
import { createApiKeysService } from './modules/api-keys/api-keys.service';
import { userReads } from './modules/auth/auth.reads';
import { createAuthService, registerAuthJobs } from './modules/auth/auth.service';
import { createApprovalPins } from './modules/auth/approval-pins';
import { createSessions } from './modules/auth/sessions';
import { createAccessTokens, refreshSuccessor } from './modules/auth/tokens';
import type { EventHub } from './modules/events/events.hub';
import type { SocketCaller } from './modules/events/socket.connection';
import type { FilesService } from './modules/files/files.service';
import type { JobsService } from './modules/jobs/jobs.service';
import { createInvitationTokens } from './modules/stores/invitation-token';
import { createMembersService } from './modules/stores/members.service';
import { createStoresService } from './modules/stores/stores.service';
import type { Mailer } from './platform/mailer';
import type { Platform } from './platform/platform';
import type { StoreCache } from './platform/store-cache';

export interface IdentityDeps {
  config: Config;
  pool: Pool;
  platform: Platform;
  mailer: Mailer;
  jwtSecret: string;
  publicUrl: () => string;
  storeCache: StoreCache;
  /** Tells open sockets that a store, a membership or a session has ended. */
  eventHub: EventHub;
  jobs: JobsService;
  files: Pick<FilesService, 'beforeStoreDeleted'>;
  log: Logger;
}

/**
 * Who may do what: stores, their members, people's sign-in and sessions, and API keys. Wired
 * here, beside the composition root: a person who leaves a store takes their keys with them,
 * and every ending is told to the sockets that depended on it.
 */
export function createIdentity(deps: IdentityDeps) {
  const { config, pool, platform, mailer, publicUrl, storeCache, eventHub, jobs, log } = deps;
  const stores = createStoresService({
    pool,
    cache: storeCache,
    assertUser: (userId) => userReads.assertExists(pool, userId),
    onDeleted: (storeId) =>
      eventHub.announceRemoval(storeId).catch((err) => {
        log.warn('store deletion not announced', { error: String(err) });
      }),
    // The files' bytes live outside the database: removed once the store's rows are gone.
    beforeDeleted: (storeId) => deps.files.beforeStoreDeleted(storeId),
  });
  const apiKeys = createApiKeysService({ pool, userNames: userReads.namesOf, log });
  const members = createMembersService({
    pool,
    mailer,
    publicUrl,
    invitationTokens: createInvitationTokens(deps.jwtSecret),
    findUserByEmail: userReads.findByEmail,
    usersOf: userReads.byIds,
    onRemoved: (storeId, userId) =>
      Promise.all([
        eventHub.announceRemoval(storeId, userId),
        // A person who leaves takes the keys they made with them (an integrator asks again).
        apiKeys.revokeKeysOf(storeId, userId),
      ]).then(
        () => undefined,
        (err) => {
          log.warn('membership removal not fully handled', { error: String(err) });
        },
      ),
  });
  const auth = createAuthService({
    pool,
    tokens: createAccessTokens(deps.jwtSecret, config.accessTokenTtl),
    successorOf: refreshSuccessor(deps.jwtSecret),
    refreshReuseGraceSeconds: config.refreshReuseGraceSeconds,
    sessions: createSessions(pool, platform.cache, config.accessTokenTtl, (ids) =>
      eventHub.announceSessionsEnded(ids).catch((err) => {
        log.warn('session ending not announced', { error: String(err) });
      }),
    ),
    mailer,
    jobs,
    publicUrl,
    accessTokenTtl: config.accessTokenTtl,
    log,
    stores,
    members,
  });
  registerAuthJobs(jobs, auth);
  /** The WebSocket's sign-in: a person's access token, or an API key. */
  const authenticateSocket = (token: string): Promise<SocketCaller> =>
    apiKeys.isKeyToken(token) ? apiKeys.authenticate(token) : auth.authenticateUntil(token);
  /** Approval PINs: managers approve an employee's voids, refunds and discounts with them. */
  const approvalPins = createApprovalPins(pool);
  return { stores, apiKeys, members, auth, approvalPins, authenticateSocket };
}
