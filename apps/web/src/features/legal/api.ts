import type {
  AttachmentRef,
  ConsultationDetail,
  ConsultationQuery,
  ConsultationSummary,
  CreateDutySlotBody,
  CreateProviderBody,
  DutySlot,
  DutyWeek,
  FaqEntry,
  FaqStatus,
  LawyerConsultationAction,
  LegalProvider,
  LegalSettings,
  ProviderQuery,
  UpdateDutySlotBody,
  UpdateFaqBody,
  UpdateProviderBody,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

type Page<T> = { items: T[]; total: number };

export const listProviders = (query: ProviderQuery): Promise<Page<LegalProvider>> =>
  adminApi.get('/legal/providers', { query: { ...query } });

export const createProvider = (body: CreateProviderBody): Promise<LegalProvider> =>
  adminApi.post('/legal/providers', body);

export const updateProvider = (id: number, body: UpdateProviderBody): Promise<LegalProvider> =>
  adminApi.request('PATCH', `/legal/providers/${id}`, { body });

export const getDutyWeek = (orgId: number, week: string): Promise<DutyWeek> =>
  adminApi.get('/legal/duty', { query: { orgId, week } });

export const createSlot = (body: CreateDutySlotBody): Promise<DutySlot> =>
  adminApi.post('/legal/duty-slots', body);

export const updateSlot = (id: number, body: UpdateDutySlotBody): Promise<DutySlot> =>
  adminApi.request('PATCH', `/legal/duty-slots/${id}`, { body });

export const deleteSlot = (id: number): Promise<void> =>
  adminApi.request('DELETE', `/legal/duty-slots/${id}`);

export const copyWeek = (orgId: number, fromWeek: string, toWeek: string): Promise<{ copied: number }> =>
  adminApi.post('/legal/duty/copy-week', { orgId, fromWeek, toWeek });

export const swapSlots = (a: number, b: number): Promise<DutySlot[]> =>
  adminApi.post('/legal/duty-slots/swap', { slotIds: [a, b] });

export const listWorkspace = (query: ConsultationQuery): Promise<Page<ConsultationSummary>> =>
  adminApi.get('/legal/workspace/consultations', { query: { ...query } });

export const getWorkspaceConsultation = (id: number): Promise<ConsultationDetail> =>
  adminApi.get(`/legal/workspace/consultations/${id}`);

export const lawyerAct = (
  id: number,
  action: LawyerConsultationAction,
  body?: { text: string; attachments?: AttachmentRef[] },
): Promise<ConsultationDetail> => adminApi.post(`/legal/workspace/consultations/${id}/${action}`, body);

export const downloadWorkspaceFile = (id: number, attachmentId: number): Promise<DownloadedFile> =>
  adminApi.download(`/legal/workspace/consultations/${id}/files/${attachmentId}`);

export const listConsultations = (query: ConsultationQuery): Promise<Page<ConsultationSummary>> =>
  adminApi.get('/legal/consultations', { query: { ...query } });

export const getConsultation = (id: number): Promise<ConsultationDetail> =>
  adminApi.get(`/legal/consultations/${id}`);

export const assignConsultation = (id: number, providerId: number): Promise<ConsultationDetail> =>
  adminApi.post(`/legal/consultations/${id}/assign`, { providerId });

export const downloadConsultationFile = (id: number, attachmentId: number): Promise<DownloadedFile> =>
  adminApi.download(`/legal/consultations/${id}/files/${attachmentId}`);

export const getSettings = (orgId: number): Promise<LegalSettings> =>
  adminApi.get(`/legal/settings/${orgId}`);

export const updateSettings = (orgId: number, pickupTimeoutMinutes: number): Promise<LegalSettings> =>
  adminApi.request('PUT', `/legal/settings/${orgId}`, { body: { pickupTimeoutMinutes } });

export const listFaq = (status: FaqStatus, page: number): Promise<Page<FaqEntry>> =>
  adminApi.get('/legal/faq', { query: { status, page, pageSize: 20 } });

export const updateFaq = (id: number, body: UpdateFaqBody): Promise<FaqEntry> =>
  adminApi.request('PATCH', `/legal/faq/${id}`, { body });

export const reviewFaq = (id: number, decision: 'publish' | 'reject'): Promise<FaqEntry> =>
  adminApi.post(`/legal/faq/${id}/${decision}`);
