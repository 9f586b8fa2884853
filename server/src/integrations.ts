import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import type { Config } from './config';
import type { Logger } from './logger';
import type { AlertsService } from './modules/alerts/alerts.service';
import type { JobsService } from './modules/jobs/jobs.service';
import { createWebhookDelivery } from './modules/webhooks/webhooks.delivery';
import { createWebhooksService } from './modules/webhooks/webhooks.service';
import type { FieldCipher } from './platform/field-cipher';
import { createOutbound } from './platform/outbound';

/**
 * The guard for requests to addresses users give (push services, webhooks): one set of rules
 * from the configuration, each caller with its own deadline.
 */
export function outboundFrom(config: Config, timeoutMs?: number) {
  return createOutbound({
    allowPrivate: config.outbound.allowPrivate,
    ca: config.outbound.caFile ? readFileSync(config.outbound.caFile, 'utf8') : undefined,
    timeoutMs,
  });
}

export interface IntegrationsDeps {
  config: Config;
  pool: Pool;
  jobs: JobsService;
  cipher: FieldCipher;
  alerts: AlertsService;
  log: Logger;
}

/**
 * How Nimbus reaches other systems: outbound webhooks (the endpoints, their deliveries as jobs,
 * and the alert when one is disabled). Wired here, beside the composition root.
 */
export function createIntegrations(deps: IntegrationsDeps) {
  const { config, pool, jobs, cipher, alerts, log } = deps;
  const outbound = outboundFrom(config, config.webhooks.timeoutMs);
  const checkWebhookAlerts = (storeId: string) => {
    alerts.runCheck(storeId, 'webhooks').catch((err) => {
      log.warn('webhook alert check failed', { storeId, error: String(err) });
    });
  };
  const webhooks = createWebhooksService({
    pool,
    jobs,
    outbound,
    cipher,
    config: config.webhooks,
    onStateChanged: checkWebhookAlerts,
    log,
  });
  createWebhookDelivery({
    pool,
    jobs,
    outbound,
    cipher,
    config: config.webhooks,
    onDisabled: checkWebhookAlerts,
    log,
  });
  return { webhooks };
}
