import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { Db } from '../db/pool';
import type { Row } from '../db/rows';
import { AppError, ConflictError, ValidationError } from '../core/errors';

const RETENTION_HOURS = 24;
const RELEASE_BACKOFF_MS = [50, 200, 800, 2000];
// A claim older than this whose request never finished (crashed process) may be retried:
// its change was never committed, because completion commits with the change itself.
const STALE_CLAIM_SECONDS = 60;

export interface IdempotencyClaim {
  principal: string;
  key: string;
  /** Stores the response in the caller's transaction, atomically with the change. */
  complete(tx: Db, status: number, body: unknown): Promise<void>;
  /**
   * Frees the key of a request that failed (a 5xx) or never started (a 400), so its retry
   * runs. Called before the error is answered, retried briefly: a database that just dropped
   * the request's connection usually takes the next statement.
   */
  release(): Promise<void>;
  body?: unknown;
}

declare module 'express-serve-static-core' {
  interface Request {
    idempotency?: IdempotencyClaim;
  }
}

type KeyRow = Row<'idempotency_keys', 'request_hash' | 'response_status' | 'response_body'> & {
  status: 'in_progress' | 'done';
  stale: boolean;
  expired: boolean;
};

/**
 * Idempotency-Key for POSTs that change stock or money (Stripe / IETF draft semantics):
 * same key + same body → the first response again; same key + other body → 422;
 * the same key while the first is still running → 409.
 */
export function idempotency(pool: Pool): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (key === undefined) return next();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
      throw new ValidationError([
        {
          field: 'Idempotency-Key',
          message: 'must be 1 to 255 visible ASCII characters',
          code: 'invalid_format',
        },
      ]);
    }
    // A key's replays are its own, apart from those of the person who created it.
    const { userId, apiKey } = req.principal!;
    const principal = apiKey ? `key:${apiKey.id}` : userId;
    const hash = createHash('sha256')
      .update(`${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}\n`)
      .update(req.file?.buffer ?? '')
      .digest('hex');

    const claimed = await pool.query(
      `INSERT INTO idempotency_keys (principal, key, request_hash, status)
       VALUES ($1, $2, $3, 'in_progress') ON CONFLICT (principal, key) DO NOTHING`,
      [principal, key, hash],
    );
    if (!claimed.rowCount) {
      const { rows } = await pool.query<KeyRow>(
        `SELECT request_hash, status, response_status, response_body,
                locked_at < now() - make_interval(secs => $3) AS stale,
                created_at < now() - make_interval(hours => $4) AS expired
         FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [principal, key, STALE_CLAIM_SECONDS, RETENTION_HOURS],
      );
      const row = rows[0];
      const reclaim = !row || row.expired || (row.status === 'in_progress' && row.stale);
      if (reclaim) {
        await pool.query(
          `INSERT INTO idempotency_keys (principal, key, request_hash, status) VALUES ($1, $2, $3, 'in_progress')
           ON CONFLICT (principal, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,
             status = 'in_progress', response_status = NULL, response_body = NULL,
             locked_at = now(), created_at = now()`,
          [principal, key, hash],
        );
      } else if (row.request_hash !== hash) {
        throw new AppError(
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was used with a different request',
        );
      } else if (row.status === 'in_progress') {
        throw new ConflictError('A request with this Idempotency-Key is still being processed');
      } else {
        res.setHeader('Idempotent-Replayed', 'true');
        res.status(row.response_status!).json(row.response_body);
        return;
      }
    }

    let completed = false;
    const claim: IdempotencyClaim = {
      principal,
      key,
      async complete(tx, status, body) {
        await tx.query(
          `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4
           WHERE principal = $1 AND key = $2`,
          [principal, key, status, JSON.stringify(body)],
        );
        claim.body = body;
        completed = true;
      },
      async release() {
        for (const wait of RELEASE_BACKOFF_MS) {
          try {
            await pool.query('DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2', [
              principal,
              key,
            ]);
            completed = true;
            return;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, wait));
          }
        }
      },
    };
    req.idempotency = claim;
    let sentBody: unknown;
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      sentBody = body;
      return json(body);
    };
    res.on('finish', () => {
      if (completed) return;
      // Refusals by the endpoint (404, 409, 422) are answers too and are replayed; a request
      // that never started (400: malformed or invalid) or failed (5xx) frees the key (the
      // error handler already tried, before answering).
      if (res.statusCode !== 400 && res.statusCode < 500) {
        pool
          .query(
            `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4
             WHERE principal = $1 AND key = $2`,
            [principal, key, res.statusCode, JSON.stringify(sentBody ?? null)],
          )
          .catch(() => undefined);
      } else void claim.release();
    });
    next();
  };
}

/** Forgets keys past their 24 hours (run periodically; a replay after that is a new request). */
export async function purgeIdempotencyKeys(db: Db): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`,
    [RETENTION_HOURS],
  );
  return rowCount ?? 0;
}
