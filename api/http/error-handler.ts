import type { ErrorRequestHandler, RequestHandler } from 'express';
import { DomainError, NotFoundError, errorTypes, type ErrorType } from '../../domain/errors.js';

// The one place where errors become HTTP. Domain errors keep their message; Temporal carries
// them across as ApplicationFailures whose `type` is the error's name; anything else is a 500
// whose details go to the log under the request id, never to the client.

const statusByType: Record<ErrorType, number> = {
  ValidationError: 400,
  UnauthorizedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  UnavailableError: 503,
};

interface Mapped {
  status: number;
  message: string;
  errors?: Record<string, string>;
  retryAfterSeconds?: number;
}

function temporalCause(err: unknown): { type?: string; message: string; details?: unknown[] } | undefined {
  // Walk the cause chain: WorkflowUpdateFailedError → ApplicationFailure(type, details).
  let e = err as { cause?: unknown; type?: string; message?: string; details?: unknown[] } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.type === 'string' && (errorTypes as readonly string[]).includes(e.type)) {
      return { type: e.type, message: e.message ?? '', details: e.details };
    }
    e = e.cause as typeof e;
  }
  return undefined;
}

export function mapError(err: unknown): Mapped | undefined {
  if (err instanceof DomainError) {
    const status = statusByType[err.type as ErrorType] ?? 400;
    const errors = (err as { errors?: Record<string, string> }).errors;
    const retryAfterSeconds = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    return {
      status,
      message: err.message,
      ...(errors && Object.keys(errors).length ? { errors } : {}),
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    };
  }
  const name = (err as { name?: string })?.name;
  if (name === 'WorkflowExecutionAlreadyStartedError')
    return { status: 409, message: '流程已在运行 (workflow already running)' };
  if (name === 'WorkflowNotFoundError') return { status: 404, message: '流程不存在 (workflow not found)' };
  const cause = temporalCause(err);
  if (cause?.type) {
    const detail = cause.details?.[0] as { errors?: Record<string, string> } | undefined;
    return {
      status: statusByType[cause.type as ErrorType],
      message: cause.message,
      ...(detail?.errors ? { errors: detail.errors } : {}),
    };
  }
  // PostgreSQL refusing a value the schema let through (an id beyond 2^31-1): the client's input, not our fault.
  const pgCode = (err as { code?: string })?.code;
  if (pgCode === '22003') return { status: 400, message: '数值超出范围 (a number is out of range)' };
  // Audit writers queue on one chain lock until they commit: two requests crossing on a row may
  // deadlock, and PostgreSQL rolls one back whole. Nothing was done; the caller may send it again.
  if (pgCode === '40P01' || pgCode === '40001')
    return {
      status: 409,
      message: '操作与其他操作冲突，未执行，请重试 (conflicted with another change and was not done; please retry)',
    };
  const status =
    (err as { status?: number; statusCode?: number })?.status ?? (err as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser errors: malformed JSON (400), body too large (413), wrong charset (415).
    const type = (err as { type?: string }).type;
    const message =
      type === 'entity.parse.failed'
        ? '请求体不是有效的JSON (request body is not valid JSON)'
        : type === 'entity.too.large'
          ? '请求体过大 (request body too large)'
          : (err as Error).message;
    return { status, message };
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const mapped = mapError(err);
  if (mapped) {
    if (mapped.retryAfterSeconds) res.set('Retry-After', String(mapped.retryAfterSeconds));
    res.status(mapped.status).json({ message: mapped.message, ...(mapped.errors ? { errors: mapped.errors } : {}) });
    return;
  }
  console.error(`[api] ${req.requestId} ${req.method} ${req.originalUrl} failed:`, err);
  res.status(500).json({
    message: `服务器内部错误，请联系管理员 (internal error, request id ${req.requestId})`,
    requestId: req.requestId,
  });
};

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`没有这个接口 (no route ${req.method} ${req.path})`));
};
