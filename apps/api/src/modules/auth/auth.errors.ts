import { AppError } from '../../platform/errors.js';

export const invalidCredentials = (attemptsLeft?: number) =>
  new AppError(
    'AUTH_INVALID_CREDENTIALS',
    'Username or password is wrong',
    [],
    attemptsLeft === undefined ? undefined : { attemptsLeft },
  );

export const accountLocked = (until: Date, now: Date) => {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'AUTH_ACCOUNT_LOCKED',
    `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`,
    [],
    { retryAfterSeconds, lockedUntil: until.toISOString() },
  );
};

export const unauthenticated = (message = 'Sign in first') => new AppError('UNAUTHENTICATED', message);
export const tokenExpired = () => new AppError('TOKEN_EXPIRED', 'The access token has expired; refresh it');
