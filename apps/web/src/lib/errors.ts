import type { ErrorDetail } from '@unionhub/contracts';
import type { TFunction } from 'i18next';
import { ApiError } from './api';

export interface ErrorDescription {
  code: string;
  /** One translated sentence for the person in front of the screen. */
  message: string;
  /** Translated "field: problem" lines, one per detail the API sent. */
  details: string[];
  requestId: string | null;
}

function numberMeta(meta: Record<string, unknown>, key: string): number | null {
  const value = meta[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** `body.newPassword` → 新密码; unknown paths are shown as sent so that nothing is hidden. */
export function fieldLabel(path: string, t: TFunction): string {
  const field = path.replace(/^(body|query|params|headers)[./]/, '').replace(/^\//, '');
  const key = `fields.${field}`;
  return t(key, { defaultValue: field || path });
}

/**
 * The API words its field problems in English (many come from the JSON-schema validator); the
 * frequent ones are translated, anything else is shown as sent rather than hidden.
 */
const detailPatterns: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^is required( for this account)?$/, 'required', () => ({})],
  [/^is wrong$/, 'wrong', () => ({})],
  [/^unknown field$/, 'unknownField', () => ({})],
  [/^must NOT have fewer than (\d+) characters$/, 'tooShort', (m) => ({ limit: m[1] ?? '' })],
  [/^must NOT have more than (\d+) characters$/, 'tooLong', (m) => ({ limit: m[1] ?? '' })],
  [/^must match (pattern|format) /, 'badFormat', () => ({})],
  [/^must be (string|integer|number|boolean|object|array|null)$/, 'badType', () => ({})],
  [/^must be one of (.+)$/, 'oneOf', (m) => ({ values: m[1] ?? '' })],
  [/^must not contain the username$/, 'containsUsername', () => ({})],
  [/^must differ from the current password$/, 'sameAsCurrent', () => ({})],
  [/^is a commonly used password/, 'common', () => ({})],
  [/^does not match the authenticator app$/, 'totpMismatch', () => ({})],
  [/^is taken$/, 'taken', () => ({})],
];

export function detailText(message: string, t: TFunction): string {
  for (const [pattern, key, params] of detailPatterns) {
    const match = message.match(pattern);
    if (match) return t(`errors.detailText.${key}`, params(match));
  }
  return message;
}

function detailLines(details: ErrorDetail[], t: TFunction): string[] {
  return details.map((d) =>
    t('errors.detail', { field: fieldLabel(d.path, t), message: detailText(d.message, t) }),
  );
}

function messageFor(error: ApiError, t: TFunction): string {
  switch (error.code) {
    case 'AUTH_INVALID_CREDENTIALS':
    case 'AUTH_TOTP_INVALID': {
      const attemptsLeft = numberMeta(error.meta, 'attemptsLeft');
      if (attemptsLeft !== null && attemptsLeft > 0) {
        return `${t(`errors.codes.${error.code}`)}${t('errors.attemptsLeft', { count: attemptsLeft })}`;
      }
      break;
    }
    case 'AUTH_ACCOUNT_LOCKED': {
      const seconds = numberMeta(error.meta, 'retryAfterSeconds');
      if (seconds !== null) return t('errors.lockedFor', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
      break;
    }
    case 'AUTH_OTP_INVALID': {
      const triesLeft = numberMeta(error.meta, 'triesLeft');
      if (triesLeft !== null) {
        return triesLeft > 0 ? t('errors.otpTriesLeft', { count: triesLeft }) : t('errors.otpNoTriesLeft');
      }
      break;
    }
    case 'AUTH_OTP_TOO_SOON': {
      const seconds = numberMeta(error.meta, 'retryAfterSeconds');
      if (seconds !== null) return t('errors.otpWait', { seconds: Math.max(1, Math.ceil(seconds)) });
      break;
    }
  }
  const key = `errors.codes.${error.code}`;
  return t(key, { defaultValue: t('errors.unknown', { code: error.code }) });
}

/** Turns anything thrown by an API call into text the UI can show. */
export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (error instanceof ApiError) {
    return {
      code: error.code,
      message: messageFor(error, t),
      details: detailLines(error.details, t),
      requestId: error.requestId,
    };
  }
  return { code: 'INTERNAL', message: t('errors.codes.INTERNAL'), details: [], requestId: null };
}
