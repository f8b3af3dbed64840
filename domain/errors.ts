// The one error vocabulary of Shequ. Workflows, activities and the API throw these;
// api/http/error-handler.ts maps them to HTTP in one place. Each carries a stable `type`
// string because Temporal transports failures by type name, not by class identity.

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly type: string = 'DomainError';
}

export class ValidationError extends DomainError {
  override readonly type = 'ValidationError';
  constructor(
    message: string,
    readonly errors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class UnauthorizedError extends DomainError {
  override readonly type = 'UnauthorizedError';
  constructor(message = '请先登录 (authentication required)') {
    super(message);
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends DomainError {
  override readonly type = 'ForbiddenError';
  constructor(message = '无权执行此操作 (not allowed for your role)') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends DomainError {
  override readonly type = 'NotFoundError';
  constructor(message = '记录不存在 (not found)') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends DomainError {
  override readonly type = 'ConflictError';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The step was sent but its outcome did not come within the wait bound; it may still be recorded. */
export class UnavailableError extends DomainError {
  override readonly type = 'UnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'UnavailableError';
  }
}

export const errorTypes = [
  'ValidationError',
  'UnauthorizedError',
  'ForbiddenError',
  'NotFoundError',
  'ConflictError',
  'UnavailableError',
] as const;
export type ErrorType = (typeof errorTypes)[number];
