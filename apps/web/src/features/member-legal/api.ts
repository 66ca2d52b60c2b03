import type {
  AskConsultationBody,
  ConsultationDetail,
  ConsultationField,
  ConsultationSummary,
  FaqEntry,
  PublicProvider,
} from '@unionhub/contracts';
import { type DownloadedFile, memberApi } from '../../lib/api';

type Page<T> = { items: T[]; total: number };

/** The key makes a double tap (or a retry after a lost answer) ask one question. */
export const askConsultation = (
  body: AskConsultationBody,
  idempotencyKey: string,
): Promise<ConsultationDetail> =>
  memberApi.post('/me/legal/consultations', body, { headers: { 'Idempotency-Key': idempotencyKey } });

export const listMyConsultations = (): Promise<Page<ConsultationSummary>> =>
  memberApi.get('/me/legal/consultations', { query: { pageSize: 100 } });

export const getMyConsultation = (id: number): Promise<ConsultationDetail> =>
  memberApi.get(`/me/legal/consultations/${id}`);

export const followUp = (id: number, text: string): Promise<ConsultationDetail> =>
  memberApi.post(`/me/legal/consultations/${id}/messages`, { text });

export const rateConsultation = (id: number, rating: number, comment?: string): Promise<ConsultationDetail> =>
  memberApi.post(`/me/legal/consultations/${id}/rate`, comment ? { rating, comment } : { rating });

export const downloadConsultationFile = (id: number, attachmentId: number): Promise<DownloadedFile> =>
  memberApi.download(`/me/legal/consultations/${id}/files/${attachmentId}`);

export const listLawyers = (query: {
  field?: ConsultationField;
  regionCode?: string;
}): Promise<Page<PublicProvider>> =>
  memberApi.get('/me/legal/providers', { query: { ...query, pageSize: 100 } });

export const searchFaq = (query: { q?: string; field?: ConsultationField }): Promise<Page<FaqEntry>> =>
  memberApi.get('/me/legal/faq', { query: { ...query, pageSize: 50 } });
