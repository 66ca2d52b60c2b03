import Type, { type Static } from 'typebox';

/**
 * Every error the API answers with has a stable code. The API maps each code to one HTTP
 * status (apps/api/src/platform/errors.ts); the web app maps each code to a translated message.
 */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  'AUTH_INVALID_CREDENTIALS',
  'AUTH_ACCOUNT_LOCKED',
  'AUTH_ACCOUNT_DISABLED',
  'AUTH_TOTP_REQUIRED',
  'AUTH_TOTP_INVALID',
  'AUTH_WEAK_PASSWORD',
  'AUTH_OTP_INVALID',
  'AUTH_OTP_EXPIRED',
  'AUTH_OTP_TOO_SOON',
  'AUTH_REFRESH_INVALID',
  'ORG_NOT_FOUND',
  'USER_NOT_FOUND',
  'USER_USERNAME_TAKEN',
  'API_KEY_NOT_FOUND',
  'API_KEY_PERMISSION_NOT_GRANTABLE',
  'ORG_NAME_TAKEN',
  'ORG_LEVEL_NOT_ALLOWED',
  'ORG_KIND_NOT_ALLOWED',
  'ORG_REGION_OUTSIDE_PARENT',
  'ORG_REGION_EXCLUDES_CHILDREN',
  'ORG_MOVE_INTO_OWN_SUBTREE',
  'ORG_NOT_EMPTY',
  'ORG_DISSOLVED',
  'ORG_OWN_ROOT_LOCKED',
  'REGION_UNKNOWN',
  'INDUSTRY_UNKNOWN',
  'ENTERPRISE_NOT_FOUND',
  'ENTERPRISE_CREDIT_CODE_INVALID',
  'ENTERPRISE_CREDIT_CODE_TAKEN',
  'BACKUP_INVALID',
  'RESTORE_TARGET_NOT_EMPTY',
  'MEMBER_NOT_FOUND',
  'MEMBER_ALREADY_ACTIVE',
  'MEMBER_ORG_NOT_GRASSROOTS',
  'MEMBER_BAD_TRANSITION',
  'MEMBER_EXPORT_TOO_LARGE',
  'CARD_NOT_FOUND',
  'CARD_ALREADY_ACTIVE',
  'CARD_BAD_TRANSITION',
  'CARD_MEMBER_NOT_ACTIVE',
  'CARD_REGION_MISSING',
  'JOIN_APPLICATION_NOT_FOUND',
  'JOIN_APPLICATION_OPEN',
  'JOIN_APPLICATION_DECIDED',
  'TRANSFER_NOT_FOUND',
  'TRANSFER_BAD_TRANSITION',
  'TRANSFER_OPEN',
  'TRANSFER_DESTINATION_INVALID',
  'SERVICE_NOT_FOUND',
  'SERVICE_NOT_OFFERED',
  'SERVICE_OVERRIDE_INVALID',
  'SERVICE_BAD_TRANSITION',
  'SERVICE_PACKAGE_NOT_FOUND',
  'MEMBERSHIP_REQUIRED',
  'REQUEST_NOT_FOUND',
  'REQUEST_BAD_TRANSITION',
  'REQUEST_NOT_HANDLING_UNION',
  'REQUEST_NOT_ELIGIBLE',
  'IDEMPOTENCY_KEY_REUSED',
  'IMPORT_NOT_FOUND',
  'IMPORT_FILE_INVALID',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_NOT_READY',
  'IMPORT_HAS_ERRORS',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

export const ErrorDetail = Type.Object({
  path: Type.String({
    description: 'Where the problem is: a field path such as body.username, or a row/column',
  }),
  message: Type.String(),
  rule: Type.Optional(
    Type.String({ description: 'The rule broken, when it has a stable name, e.g. id_number.check_digit' }),
  ),
});
export type ErrorDetail = Static<typeof ErrorDetail>;

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, one of ErrorCodes' }),
      message: Type.String(),
      details: Type.Array(ErrorDetail),
      meta: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
    requestId: Type.String(),
  },
  { $id: 'ErrorBody', description: 'The one error shape of the API' },
);
export type ErrorBody = Static<typeof ErrorBody>;
