/**
 * One error hierarchy for every layer. An error says what went wrong (a stable `code`, a
 * message for people, `details` for programs); how a transport shows it is the transport's
 * business (`http/error-status.ts` maps codes to HTTP statuses).
 */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INSUFFICIENT_STOCK'
  | 'INVALID_STATE'
  | 'CONFIRMATION_REQUIRED'
  | 'APPROVAL_REQUIRED'
  | 'APPROVAL_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'SERVICE_UNAVAILABLE';

export interface ErrorDetail {
  field: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Seconds after which the same request may succeed (rate limits, a database restart). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: unknown; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }
}

/** Whether trying the same thing again later may work (a job retries only these). */
export function isTransient(err: unknown): boolean {
  return (
    !(err instanceof AppError) ||
    err.code === 'SERVICE_UNAVAILABLE' ||
    err.code === 'INTERNAL_ERROR'
  );
}

export class ValidationError extends AppError {
  constructor(details: ErrorDetail[], message = 'The request is not valid') {
    super('VALIDATION_ERROR', message, { details });
  }
}

export class BadRequestError extends AppError {
  constructor(message: string) {
    super('BAD_REQUEST', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Authentication required') {
    super('UNAUTHORIZED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this', details?: ErrorDetail[]) {
    super('FORBIDDEN', message, { details });
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'Resource') {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, { details });
  }
}

export class InvalidStateError extends AppError {
  constructor(message: string) {
    super('INVALID_STATE', message);
  }
}

/**
 * Allowed, but only once a person confirms it (paying an invoice that is not reconciled):
 * `details` name each thing to confirm (`field` is where the request confirms it).
 */
export class ConfirmationRequiredError extends AppError {
  constructor(message: string, details: ErrorDetail[]) {
    super('CONFIRMATION_REQUIRED', message, { details });
  }
}

/**
 * Allowed only with a manager's approval (an employee's void, refund, or discount beyond the
 * store's limit): ask for one (`POST approvals`) and send its token in `Approval-Token`.
 * `details` say what needs approving.
 */
export class ApprovalRequiredError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('APPROVAL_REQUIRED', message, { details });
  }
}

/** The `Approval-Token` sent is not one this action may use (unknown, used, expired, other). */
export class ApprovalInvalidError extends AppError {
  constructor(message: string) {
    super('APPROVAL_INVALID', message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message = 'The request body is too large') {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(
    message = 'Send the request body as application/json (a file upload as multipart/form-data)',
  ) {
    super('UNSUPPORTED_MEDIA_TYPE', message);
  }
}

export class UnprocessableError extends AppError {
  constructor(message: string, details?: unknown) {
    super('UNPROCESSABLE', message, { details });
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many requests, try again later') {
    super('RATE_LIMITED', message, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(
    message = 'The service is temporarily unavailable',
    opts: { details?: unknown; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super('SERVICE_UNAVAILABLE', message, opts);
  }
}
