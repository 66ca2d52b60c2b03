import type { PasswordChangeBody, TokenPair, TotpSetup } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

/** The server revokes every other session and answers with a fresh pair for this one. */
export function changePassword(body: PasswordChangeBody): Promise<TokenPair> {
  return adminApi.post<TokenPair>('/me/password', body);
}

export function startTotpSetup(): Promise<TotpSetup> {
  return adminApi.post<TotpSetup>('/me/totp/setup');
}

export function confirmTotp(code: string): Promise<void> {
  return adminApi.post<void>('/me/totp/confirm', { code });
}

export function disableTotp(password: string): Promise<void> {
  return adminApi.post<void>('/me/totp/disable', { password });
}
