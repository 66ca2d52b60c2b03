import type { ImportJob, ImportJobList, ImportMode } from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

/** Sends the roster; the API answers at once with the job, which is then polled. */
export function uploadRoster(input: {
  file: File;
  orgId: number;
  dryRun: boolean;
  mode?: ImportMode;
}): Promise<{ id: number }> {
  const form = new FormData();
  form.append('orgId', String(input.orgId));
  form.append('dryRun', String(input.dryRun));
  if (input.mode) form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  return adminApi.post<{ id: number }>('/imports/members', form);
}

export function getImport(id: number): Promise<ImportJob> {
  return adminApi.get<ImportJob>(`/imports/${id}`);
}

export function commitImport(id: number, mode: ImportMode): Promise<{ id: number }> {
  return adminApi.post<{ id: number }>(`/imports/${id}/commit`, { mode });
}

export function listImports(orgId: number): Promise<ImportJobList> {
  return adminApi.get<ImportJobList>('/imports', { query: { orgId, pageSize: 10 } });
}

export function downloadTemplate(format: 'xlsx' | 'csv'): Promise<DownloadedFile> {
  return adminApi.download('/imports/members/template', { query: { format } });
}

export function downloadErrorReport(id: number): Promise<DownloadedFile> {
  return adminApi.download(`/imports/${id}/error-report`);
}

/** Statuses in which the job is still working: the page keeps polling. */
export const RUNNING: readonly string[] = ['queued', 'validating', 'committing'];
