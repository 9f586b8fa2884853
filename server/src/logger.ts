import winston from 'winston';

export type Logger = winston.Logger;

const SECRET_KEYS = /pass(word)?|token|secret|authorization|cookie|hash/i;

/** Drops anything that looks like a credential before it reaches a transport. */
const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (SECRET_KEYS.test(key)) info[key] = '[redacted]';
  }
  return info;
});

export function createLogger(level: string, extra: winston.transport[] = []): Logger {
  const silent = level === 'silent';
  return winston.createLogger({
    level: silent ? 'error' : level,
    format: winston.format.combine(redact(), winston.format.timestamp(), winston.format.json()),
    defaultMeta: { service: 'nimbus-api' },
    transports: [new winston.transports.Console({ silent }), ...extra],
  });
}
