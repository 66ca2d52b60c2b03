import type { LoginBody, OtpRequestBody, OtpVerifyBody, TokenPair } from '@unionhub/contracts';
import { adminApi, memberApi } from '../../lib/api';

export function loginWithPassword(body: LoginBody): Promise<TokenPair> {
  return adminApi.post<TokenPair>('/auth/login', body, { auth: false });
}

export function requestOtp(body: OtpRequestBody): Promise<void> {
  return memberApi.post<void>('/auth/otp', body, { auth: false });
}

export function verifyOtp(body: OtpVerifyBody): Promise<TokenPair> {
  return memberApi.post<TokenPair>('/auth/otp/verify', body, { auth: false });
}
