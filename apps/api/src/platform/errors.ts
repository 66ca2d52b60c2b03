import type { ErrorCode, ErrorDetail } from '@unionhub/contracts';

/**
 * A domain error: a stable code, a message for people, optional per-field details and metadata
 * (for example how long to wait). The HTTP status comes from the one table below.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly meta?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_LOCKED: 423,
  AUTH_ACCOUNT_DISABLED: 403,
  AUTH_TOTP_REQUIRED: 400,
  AUTH_TOTP_INVALID: 401,
  AUTH_WEAK_PASSWORD: 400,
  AUTH_OTP_INVALID: 400,
  AUTH_OTP_EXPIRED: 400,
  AUTH_OTP_TOO_SOON: 429,
  AUTH_REFRESH_INVALID: 401,
  ORG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  USER_USERNAME_TAKEN: 409,
  API_KEY_NOT_FOUND: 404,
  API_KEY_PERMISSION_NOT_GRANTABLE: 400,
  ORG_NAME_TAKEN: 409,
  ORG_LEVEL_NOT_ALLOWED: 400,
  ORG_KIND_NOT_ALLOWED: 400,
  ORG_REGION_OUTSIDE_PARENT: 400,
  ORG_REGION_EXCLUDES_CHILDREN: 409,
  ORG_MOVE_INTO_OWN_SUBTREE: 409,
  ORG_NOT_EMPTY: 409,
  ORG_DISSOLVED: 409,
  ORG_OWN_ROOT_LOCKED: 409,
  REGION_UNKNOWN: 400,
  INDUSTRY_UNKNOWN: 400,
  ENTERPRISE_NOT_FOUND: 404,
  ENTERPRISE_CREDIT_CODE_INVALID: 400,
  ENTERPRISE_CREDIT_CODE_TAKEN: 409,
  BACKUP_INVALID: 400,
  RESTORE_TARGET_NOT_EMPTY: 409,
  MEMBER_NOT_FOUND: 404,
  MEMBER_ALREADY_ACTIVE: 409,
  MEMBER_ORG_NOT_GRASSROOTS: 400,
  MEMBER_BAD_TRANSITION: 409,
  MEMBER_EXPORT_TOO_LARGE: 400,
  CARD_NOT_FOUND: 404,
  CARD_ALREADY_ACTIVE: 409,
  CARD_BAD_TRANSITION: 409,
  CARD_MEMBER_NOT_ACTIVE: 409,
  CARD_REGION_MISSING: 409,
  JOIN_APPLICATION_NOT_FOUND: 404,
  JOIN_APPLICATION_OPEN: 409,
  JOIN_APPLICATION_DECIDED: 409,
  TRANSFER_NOT_FOUND: 404,
  TRANSFER_BAD_TRANSITION: 409,
  TRANSFER_OPEN: 409,
  TRANSFER_DESTINATION_INVALID: 400,
};

export const notFound = (what = 'Resource') => new AppError('NOT_FOUND', `${what} not found`);

export const validationError = (details: ErrorDetail[], message = 'The request is not valid') =>
  new AppError('VALIDATION_FAILED', message, details);
