import type {
  AttachmentRef,
  ServiceRequestDetail,
  ServiceRequestQuery,
  ServiceRequestSummary,
  StaffRequestAction,
  StaffUser,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

export function listRequests(
  query: ServiceRequestQuery,
): Promise<{ items: ServiceRequestSummary[]; total: number }> {
  return adminApi.get('/service-requests', { query: { ...query } });
}

export function getRequest(id: number): Promise<ServiceRequestDetail> {
  return adminApi.get<ServiceRequestDetail>(`/service-requests/${id}`);
}

export function actOnRequest(
  id: number,
  action: StaffRequestAction,
  body: { comment?: string; attachments?: AttachmentRef[]; toOrgId?: number },
): Promise<ServiceRequestDetail> {
  return adminApi.post<ServiceRequestDetail>(`/service-requests/${id}/${action}`, body);
}

export function bulkAccept(
  ids: number[],
): Promise<{ accepted: number[]; failed: { id: number; code: string; message: string }[] }> {
  return adminApi.post('/service-requests/bulk-accept', { ids });
}

export function assignRequest(id: number, staffId: number | null): Promise<ServiceRequestDetail> {
  return adminApi.post<ServiceRequestDetail>(`/service-requests/${id}/assign`, { staffId });
}

export function replyToMember(id: number, text: string): Promise<ServiceRequestDetail> {
  return adminApi.post<ServiceRequestDetail>(`/service-requests/${id}/messages`, { text });
}

export function downloadRequestFile(id: number, attachmentId: number): Promise<DownloadedFile> {
  return adminApi.download(`/service-requests/${id}/attachments/${attachmentId}`);
}

/** Staff of one union, for the assignment select. */
export function listUnionStaff(orgId: number): Promise<{ items: StaffUser[]; total: number }> {
  return adminApi.get<{ items: StaffUser[]; total: number }>('/users', { query: { orgId, pageSize: 100 } });
}
