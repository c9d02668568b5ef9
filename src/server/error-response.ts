/** The one place where errors become HTTP answers. Bodies are never echoed back. */
import type { ErrorRequestHandler } from 'express';
import { DomainError, RateLimited, stackFrames, StoreUnavailable, ValidationError, type Logger } from '../domain';
import { routeOf } from './logger';
import type { ErrorAnswer } from '../web/api-contract';

const STATUS: Record<string, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  no_legal_hold: 409,
  conflict: 412,
  rate_limited: 429,
  store_unavailable: 503,
};

export type Locale = 'sv' | 'en';

/** English when the caller's Accept-Language prefers it; Swedish otherwise. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'sv';
}

/** An HTTP-level problem found before any use case ran (bad JSON, wrong media type…). */
export class HttpProblem extends Error {
  /** @param retryAfterSeconds Sent as `Retry-After` (a 503 the caller may retry). */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The error body of the API contract (`errorAnswer`): stable code, message in the caller's language, field issues. */
export function errorBody(error: DomainError | HttpProblem, locale: Locale): ErrorAnswer {
  const message = locale === 'en' ? error.messageEn : error.message;
  const issues =
    error instanceof ValidationError
      ? error.issues.map((i) => ({ field: i.field, code: i.code, message: locale === 'en' ? i.messageEn : i.message }))
      : undefined;
  const retry = error instanceof RateLimited ? { retryAfterSeconds: error.retryAfterSeconds } : {};
  return { error: { code: error.code, message, ...(issues ? { issues } : {}), ...retry } };
}

/** Maps body-parser failures (they carry `type` and `status`) to problems with stable codes. */
function fromBodyParser(error: { type?: string; status?: number }): HttpProblem | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new HttpProblem(
        413,
        'payload_too_large',
        'Uppgifterna är för stora. Korta texten och försök igen.',
        'The request is too large. Shorten the text and try again.',
      );
    case 'entity.parse.failed':
      return new HttpProblem(
        400,
        'invalid_json',
        'Uppgifterna är inte giltig JSON.',
        'The request body is not valid JSON.',
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpProblem(
        415,
        'unsupported_encoding',
        'Teckenkodningen stöds inte; använd UTF-8.',
        'Unsupported encoding; use UTF-8.',
      );
    default:
      return error.status && error.status >= 400 && error.status < 500
        ? new HttpProblem(error.status, 'bad_request', 'Begäran kunde inte läsas.', 'The request could not be read.')
        : undefined;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const locale = localeOf(req.headers['accept-language']);
    if (error instanceof StoreUnavailable) {
      // The caller may retry; the adapter's detail (status, operation, request id) helps the admin find it.
      logger.warn('store unavailable', { ...error.detail });
    }
    if (error instanceof DomainError) {
      if (error instanceof RateLimited || error instanceof StoreUnavailable)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      res.status(STATUS[error.code] ?? 400).json(errorBody(error, locale));
      return;
    }
    const problem = error instanceof HttpProblem ? error : fromBodyParser(error as { type?: string; status?: number });
    if (problem) {
      if (problem instanceof HttpProblem && problem.retryAfterSeconds !== undefined)
        res.setHeader('Retry-After', String(problem.retryAfterSeconds));
      res.status(problem.status).json(errorBody(problem, locale));
      return;
    }
    // Name, route and frames only: the message and the path as sent may hold what a person typed.
    logger.error('unexpected error', {
      method: req.method,
      route: routeOf(req),
      error: (error as Error)?.name,
      stack: stackFrames(error),
    });
    const internal: ErrorAnswer = {
      error: {
        code: 'internal_error',
        message:
          locale === 'en'
            ? 'Something went wrong on our side. Try again; nothing was changed.'
            : 'Något gick fel hos oss. Försök igen; inget ändrades.',
      },
    };
    res.status(500).json(internal);
  };
}
