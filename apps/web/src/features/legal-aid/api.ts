import type {
  LegalAidCase,
  LegalAidCaseSummary,
  LegalAidDraft,
  LegalAidOutcomeBody,
  LegalAidProviderChoice,
  LegalAidStepBody,
  SubmitRequestBody,
} from '@unionhub/contracts';
import { adminApi, memberApi } from '../../lib/api';

type Summary = LegalAidCaseSummary;
type Choice = LegalAidProviderChoice;

// ── Member ──
export const getLegalAidDraft = (consultationId: number): Promise<LegalAidDraft> =>
  memberApi.get(`/me/legal/consultations/${consultationId}/legal-aid`);

export const applyFromConsultation = (
  consultationId: number,
  body: SubmitRequestBody,
  idempotencyKey: string,
): Promise<{ requestId: number }> =>
  memberApi.post(`/me/legal/consultations/${consultationId}/legal-aid`, body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const getMyCase = (requestId: number): Promise<LegalAidCase> =>
  memberApi.get(`/me/requests/${requestId}/legal-aid`);

// ── Staff ──
export const getStaffCase = (requestId: number): Promise<LegalAidCase> =>
  adminApi.get(`/legal-aid/cases/${requestId}`);

export const listProviderChoices = (requestId: number): Promise<Choice[]> =>
  adminApi.get(`/legal-aid/cases/${requestId}/providers`);

export const assignLawyer = (requestId: number, providerId: number): Promise<LegalAidCase> =>
  adminApi.request('PUT', `/legal-aid/cases/${requestId}/provider`, { body: { providerId } });

// ── Lawyer workspace ──
export const listLawyerCases = (open: boolean): Promise<{ items: Summary[]; total: number }> =>
  adminApi.get('/legal/workspace/aid-cases', { query: { pageSize: 100, ...(open ? { open: true } : {}) } });

export const getLawyerCase = (requestId: number): Promise<LegalAidCase> =>
  adminApi.get(`/legal/workspace/aid-cases/${requestId}`);

export const addStep = (requestId: number, body: LegalAidStepBody): Promise<LegalAidCase> =>
  adminApi.post(`/legal/workspace/aid-cases/${requestId}/steps`, body);

export const recordOutcome = (requestId: number, body: LegalAidOutcomeBody): Promise<LegalAidCase> =>
  adminApi.request('PUT', `/legal/workspace/aid-cases/${requestId}/outcome`, { body });
