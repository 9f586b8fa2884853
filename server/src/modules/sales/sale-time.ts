import { ValidationError } from '../../core/errors';

/** How far ahead of the server's clock a till's clock may run before its `soldAt` is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * When a sale happened. A till that kept sales while the server was out of reach sends each
 * with the moment it was rung up, and the sale, its stock movements and the dashboard count
 * it then. Up to `backdateDays` back (plus the clock-skew allowance) (config SALE_BACKDATE_DAYS): older is more likely a wrong
 * clock or a replayed file than a till that was offline, and would rewrite closed days. A time
 * slightly ahead (a till clock running fast) is recorded as now: a sale cannot have happened
 * after it reached us.
 */
export function saleTime(soldAt: string | undefined, now: Date, backdateDays: number): Date {
  if (soldAt === undefined) return now;
  const at = new Date(soldAt);
  const ahead = at.getTime() - now.getTime();
  if (ahead > CLOCK_SKEW_MS) {
    throw invalid(
      `is ${describe(ahead)} ahead of the server's clock; a sale may be dated at most ${CLOCK_SKEW_MS / 60_000} minutes in the future (clock skew)`,
      'too_big',
    );
  }
  if (ahead > 0) return now;
  // The allowance works both ways: a till running slow is not a back-dated sale.
  if (-ahead > backdateDays * DAY_MS + CLOCK_SKEW_MS) {
    const limit =
      backdateDays === 0
        ? `${CLOCK_SKEW_MS / 60_000} minutes`
        : `${backdateDays} ${backdateDays === 1 ? 'day' : 'days'}`;
    throw invalid(
      `is ${describe(-ahead)} ago; a sale may be dated at most ${limit} back`,
      'too_small',
    );
  }
  return at;
}

function invalid(message: string, code: string) {
  return new ValidationError([{ field: 'soldAt', message, code }]);
}

function describe(ms: number): string {
  if (ms >= 2 * DAY_MS) return `${Math.floor(ms / DAY_MS)} days`;
  if (ms >= 2 * 3_600_000) return `${Math.floor(ms / 3_600_000)} hours`;
  return `${Math.ceil(ms / 60_000)} minutes`;
}
