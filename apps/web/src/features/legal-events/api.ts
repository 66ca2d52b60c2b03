import type {
  CreateFollowUpBody,
  CreateInspectionBody,
  CreateLectureBody,
  Enterprise,
  Inspection,
  InspectionList,
  InspectionQuery,
  Lecture,
  LectureCheckinToken,
  LectureList,
  LectureQuery,
  LectureRegistration,
  LectureRegistrationList,
  UpdateLectureBody,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

export function listLectures(query: LectureQuery): Promise<LectureList> {
  return adminApi.get<LectureList>('/lectures', { query: { ...query } });
}

export function getLecture(id: number): Promise<Lecture> {
  return adminApi.get<Lecture>(`/lectures/${id}`);
}

export function createLecture(body: CreateLectureBody): Promise<Lecture> {
  return adminApi.post<Lecture>('/lectures', body);
}

export function updateLecture(id: number, body: UpdateLectureBody): Promise<Lecture> {
  return adminApi.request<Lecture>('PATCH', `/lectures/${id}`, { body });
}

export function changeLecture(id: number, action: 'publish' | 'finish'): Promise<Lecture> {
  return adminApi.post<Lecture>(`/lectures/${id}/${action}`);
}

export function cancelLecture(id: number, reason: string): Promise<Lecture> {
  return adminApi.post<Lecture>(`/lectures/${id}/cancel`, { reason });
}

export function listRegistrations(id: number): Promise<LectureRegistrationList> {
  return adminApi.get<LectureRegistrationList>(`/lectures/${id}/registrations`, { query: { pageSize: 500 } });
}

export function markAttended(id: number, registrationId: number): Promise<LectureRegistration> {
  return adminApi.post<LectureRegistration>(`/lectures/${id}/registrations/${registrationId}/attend`);
}

export function getCheckinToken(id: number): Promise<LectureCheckinToken> {
  return adminApi.get<LectureCheckinToken>(`/lectures/${id}/checkin-token`);
}

export function listInspections(query: InspectionQuery): Promise<InspectionList> {
  return adminApi.get<InspectionList>('/legal-inspections', { query: { ...query } });
}

export function getInspection(id: number): Promise<Inspection> {
  return adminApi.get<Inspection>(`/legal-inspections/${id}`);
}

export function createInspection(body: CreateInspectionBody): Promise<Inspection> {
  return adminApi.post<Inspection>('/legal-inspections', body);
}

export function addFollowUp(id: number, body: CreateFollowUpBody): Promise<Inspection> {
  return adminApi.post<Inspection>(`/legal-inspections/${id}/follow-ups`, body);
}

export function downloadInspectionFile(id: number, attachmentId: number): Promise<DownloadedFile> {
  return adminApi.download(`/legal-inspections/${id}/attachments/${attachmentId}`);
}

/** Enterprises of the caller's subtree by name, pinyin or credit code, for the inspection form. */
export function searchEnterprises(q: string): Promise<{ items: Enterprise[]; total: number }> {
  const code = q.trim().toUpperCase();
  const query = /^[0-9A-Z]{18}$/.test(code) ? { creditCode: code } : { q: q.trim() };
  return adminApi.get('/enterprises', { query: { ...query, pageSize: 20 } });
}

export function getEnterprise(id: number): Promise<Enterprise> {
  return adminApi.get<Enterprise>(`/enterprises/${id}`);
}

/** Uploads one file for the inspection; it is the uploader's until the inspection claims it. */
export function uploadAttachment(file: File): Promise<{ id: number; filename: string }> {
  const form = new FormData();
  form.append('file', file);
  return adminApi.post('/attachments', form);
}
