import type { CardVerification } from '@unionhub/contracts';
import { adminApi } from '../../lib/api';

/** Each token passes once per verifier; the server records every check. */
export function verifyCardToken(token: string): Promise<CardVerification> {
  return adminApi.post<CardVerification>('/cards/verify', { token });
}
