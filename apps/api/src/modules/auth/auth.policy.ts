/** Sign-in limits (quality.md): lockout after repeated failures, one-time codes of limited life and tries. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_SECONDS = 15 * 60;
export const LOCKOUT_MAX_SECONDS = 24 * 3600;

export const OTP_TTL_SECONDS = 5 * 60;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_SECONDS = 60;
export const OTP_DAILY_LIMIT = 10;

/**
 * After the 5th consecutive failure the account locks for 15 minutes; every further 5 failures
 * double the wait, up to a day. Returns null while below the threshold.
 */
export function lockoutSeconds(failuresIncludingThis: number): number | null {
  if (failuresIncludingThis < LOCKOUT_THRESHOLD || failuresIncludingThis % LOCKOUT_THRESHOLD !== 0)
    return null;
  const round = failuresIncludingThis / LOCKOUT_THRESHOLD - 1;
  return Math.min(LOCKOUT_BASE_SECONDS * 2 ** round, LOCKOUT_MAX_SECONDS);
}

export function attemptsBeforeLock(failuresIncludingThis: number): number {
  return LOCKOUT_THRESHOLD - (failuresIncludingThis % LOCKOUT_THRESHOLD);
}
