import type {
  Attachment,
  AttachmentRef,
  MemberCatalogue,
  NotificationList,
  NotificationPreferences,
  OfferedService,
  ServiceRequestDetail,
  ServiceRequestSummary,
  SubmitRequestBody,
  UpdateNotificationPreferencesBody,
} from '@unionhub/contracts';
import { type ApiClient, type DownloadedFile, memberApi } from '../../lib/api';

export function getCatalogue(): Promise<MemberCatalogue> {
  return memberApi.get<MemberCatalogue>('/me/services');
}

export function getOfferedService(id: number): Promise<OfferedService> {
  return memberApi.get<OfferedService>(`/me/services/${id}`);
}

/** One file, sent as multipart before the form that names it. */
export function uploadAttachment(file: File, client: ApiClient = memberApi): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return client.post<Attachment>('/attachments', form);
}

/** The key makes a double tap (or a retry after a lost answer) file one request. */
export function submitRequest(
  body: SubmitRequestBody,
  idempotencyKey: string,
): Promise<ServiceRequestDetail> {
  return memberApi.post<ServiceRequestDetail>('/me/service-requests', body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function listMyRequests(): Promise<{ items: ServiceRequestSummary[]; total: number }> {
  return memberApi.get('/me/service-requests', { query: { pageSize: 100 } });
}

export function getMyRequest(id: number): Promise<ServiceRequestDetail> {
  return memberApi.get<ServiceRequestDetail>(`/me/service-requests/${id}`);
}

export function withdrawRequest(id: number, comment?: string): Promise<ServiceRequestDetail> {
  return memberApi.post(`/me/service-requests/${id}/withdraw`, comment ? { comment } : {});
}

export function resubmitRequest(
  id: number,
  body: { data: Record<string, unknown>; attachments: AttachmentRef[]; comment?: string },
): Promise<ServiceRequestDetail> {
  return memberApi.post(`/me/service-requests/${id}/resubmit`, body);
}

export function rateRequest(id: number, rating: number, comment?: string): Promise<ServiceRequestDetail> {
  return memberApi.post(`/me/service-requests/${id}/rate`, comment ? { rating, comment } : { rating });
}

export function sendMessage(id: number, text: string): Promise<ServiceRequestDetail> {
  return memberApi.post(`/me/service-requests/${id}/messages`, { text });
}

export function downloadMyFile(requestId: number, attachmentId: number): Promise<DownloadedFile> {
  return memberApi.download(`/me/service-requests/${requestId}/attachments/${attachmentId}`);
}

export function listNotifications(client: ApiClient = memberApi): Promise<NotificationList> {
  return client.get<NotificationList>('/me/notifications', { query: { pageSize: 50 } });
}

export function markNotificationRead(id: number, client: ApiClient = memberApi): Promise<unknown> {
  return client.post(`/me/notifications/${id}/read`);
}

export function markAllNotificationsRead(client: ApiClient = memberApi): Promise<unknown> {
  return client.post('/me/notifications/read-all');
}

export function getNotificationPreferences(client: ApiClient = memberApi): Promise<NotificationPreferences> {
  return client.get<NotificationPreferences>('/me/notification-preferences');
}

export function saveNotificationPreferences(
  body: UpdateNotificationPreferencesBody,
  client: ApiClient = memberApi,
): Promise<NotificationPreferences> {
  return client.request<NotificationPreferences>('PUT', '/me/notification-preferences', { body });
}
