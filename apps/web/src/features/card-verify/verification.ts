import { type CardVerification, type CardVerifyReason, CardVerifyReasons } from '@unionhub/contracts';

/** What a scanner or a camera gave: the token alone, whatever whitespace or line end came with it. */
export function cleanScan(raw: string): string {
  return raw.replace(/\s+/g, '');
}

export type VerificationView =
  | { valid: true; cardNo: string; maskedName: string; orgName: string }
  | { valid: false; reason: CardVerifyReason | 'unknown' };

/** The server's answer as the counter shows it; a reason this page does not know is still a refusal. */
export function verificationView(result: CardVerification): VerificationView {
  if (result.valid) {
    return {
      valid: true,
      cardNo: result.cardNo ?? '',
      maskedName: result.maskedName ?? '',
      orgName: result.orgName ?? '',
    };
  }
  const reason = result.reason;
  return {
    valid: false,
    reason: reason && (CardVerifyReasons as readonly string[]).includes(reason) ? reason : 'unknown',
  };
}
