import type { ErrorBody } from '@unionhub/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/client.js';
import { AppError, httpStatusOf } from './errors.js';
import { detailsFromAjv } from './validation.js';

/** Translates anything thrown into the one error shape; unknown errors are logged, never shown. */
function toAppError(err: FastifyError | AppError | Error, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const part = fe.validationContext ?? 'body';
    return new AppError(
      'VALIDATION_FAILED',
      'The request is not valid',
      detailsFromAjv(part, fe.validation as never),
    );
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted`,
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION_FAILED', 'The body is not valid JSON', [
        { path: 'body', message: fe.message },
      ]);
  }
  if (fe.statusCode === 429)
    return new AppError('RATE_LIMITED', 'Too many requests; slow down', [], { retryAfterSeconds: 60 });
  if (fe.statusCode === 400 && err instanceof SyntaxError)
    return new AppError('VALIDATION_FAILED', 'The body is not valid JSON', [
      { path: 'body', message: err.message },
    ]);
  if (isDatabaseUnavailable(err))
    return new AppError(
      'SERVICE_UNAVAILABLE',
      'The database is not reachable at the moment; try again shortly',
    );
  return new AppError('INTERNAL', 'Something went wrong on our side');
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err, request);
    const status = httpStatusOf[appError.code];
    if (appError.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    else if (appError.code === 'SERVICE_UNAVAILABLE')
      request.log.warn({ err: err.message }, 'database unavailable');
    const retryAfter = appError.meta?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (status === 503) void reply.header('retry-after', '5');
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message:
          appError.code === 'INTERNAL' ? `${appError.message} (request ${request.id})` : appError.message,
        details: appError.details,
        ...(appError.meta ? { meta: appError.meta } : {}),
      },
      requestId: String(request.id),
    };
    return reply.status(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url.split('?')[0]}`,
        details: [],
      },
      requestId: String(request.id),
    };
    return reply.status(404).send(body);
  });
}
