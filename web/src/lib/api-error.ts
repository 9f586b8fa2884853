import { isAxiosError } from 'axios';
import type { ErrorEnvelope, StockShortage } from './api/types';

export interface ApiError {
  message: string;
  code: string;
  status?: number;
  /** Server validation details keyed by field name (`email`, `newPassword`, ...). */
  fieldErrors: Record<string, string>;
}

function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { success?: unknown }).success === false &&
    typeof (body as { error?: { message?: unknown } }).error?.message === 'string'
  );
}

// Server messages read "must be ..." after the field name; shown under a label they start a sentence.
function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const inTime = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "Try again in 14 minutes." from a 429's Retry-After (seconds, or an HTTP date), rounded up
 * to what a person would wait for; undefined when the header is missing or unreadable.
 */
export function retryAfterText(header: unknown, now = Date.now()): string | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - now) / 1000;
  if (!Number.isFinite(seconds)) return undefined;
  if (seconds <= 1) return 'Try again in a moment.';
  if (seconds < 60) return `Try again ${inTime.format(Math.ceil(seconds), 'second')}.`;
  if (seconds < 3600) return `Try again ${inTime.format(Math.ceil(seconds / 60), 'minute')}.`;
  return `Try again ${inTime.format(Math.ceil(seconds / 3600), 'hour')}.`;
}

/** Turns whatever a request threw into something a form can show. */
export function toApiError(error: unknown): ApiError {
  if (isAxiosError(error)) {
    const status = error.response?.status;
    const body: unknown = error.response?.data;
    if (isErrorEnvelope(body)) {
      const fieldErrors: Record<string, string> = {};
      const details = Array.isArray(body.error.details) ? body.error.details : [];
      for (const detail of details) {
        // Nested paths such as `location.aisle` keep their full name; first message wins.
        if ('field' in detail && detail.field && !fieldErrors[detail.field]) {
          fieldErrors[detail.field] = capitalize(detail.message);
        }
      }
      // A rate limit says how long to wait instead of a bare "try again later".
      const wait =
        body.error.code === 'RATE_LIMITED'
          ? retryAfterText(error.response?.headers['retry-after'])
          : undefined;
      const said = body.error.message.replace(/,?\s*try again\b.*$/i, '').replace(/[.\s]*$/, '.');
      const message = wait ? `${said} ${wait}` : body.error.message;
      return { message, code: body.error.code, status, fieldErrors };
    }
    if (!error.response) {
      return {
        message: 'Could not reach the server. Check your connection and try again.',
        code: 'NETWORK_ERROR',
        fieldErrors: {},
      };
    }
    return {
      message: `The server answered with an unexpected error (${status}).`,
      code: 'UNKNOWN',
      status,
      fieldErrors: {},
    };
  }
  return {
    message: error instanceof Error ? error.message : 'Something went wrong.',
    code: 'UNKNOWN',
    fieldErrors: {},
  };
}

export function isStatus(error: unknown, status: number): boolean {
  return isAxiosError(error) && error.response?.status === status;
}

/** The lines an INSUFFICIENT_STOCK answer lists as short, keyed by product id. */
export function stockShortages(error: unknown): Map<string, StockShortage> {
  const shortages = new Map<string, StockShortage>();
  if (!isAxiosError(error)) return shortages;
  const body: unknown = error.response?.data;
  if (!isErrorEnvelope(body) || body.error.code !== 'INSUFFICIENT_STOCK') return shortages;
  const details = Array.isArray(body.error.details) ? body.error.details : [];
  for (const detail of details) {
    if ('available' in detail && typeof detail.available === 'number') {
      shortages.set(detail.productId, detail);
    }
  }
  return shortages;
}
