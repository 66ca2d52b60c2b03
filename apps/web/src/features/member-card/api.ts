import type { MyCard } from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

/** The member's card with a fresh QR token (valid 60 seconds). */
export function getMyCard(): Promise<MyCard> {
  return memberApi.get<MyCard>('/me/card');
}
