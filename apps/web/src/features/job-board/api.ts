import type {
  ApplyBody,
  JobApplication,
  JobFair,
  JobFairSummary,
  JobSearchQuery,
  JobSearchResult,
  MemberCatalogue,
  PublicJob,
} from '@unionhub/contracts';
import { memberApi } from '../../lib/api';

export const searchJobs = (query: JobSearchQuery) =>
  memberApi.get<JobSearchResult>('/job-board/jobs', { query: { ...query } });
export const getJob = (id: number) => memberApi.get<PublicJob>(`/job-board/jobs/${id}`);
export const applyForJob = (id: number, body: ApplyBody) =>
  memberApi.post<JobApplication>(`/job-board/jobs/${id}/apply`, body);
export const listMyApplications = () =>
  memberApi.get<{ items: JobApplication[]; total: number }>('/me/job-applications', {
    query: { pageSize: 100 },
  });
export const listFairs = () =>
  memberApi.get<{ items: JobFairSummary[]; total: number }>('/job-board/fairs', { query: { pageSize: 50 } });
export const getFair = (id: number) => memberApi.get<JobFair>(`/job-board/fairs/${id}`);
export const listCities = (province: string) =>
  memberApi.get<{ items: { code: string; name: string }[] }>(`/reference/regions/${province}/children`);

/** 就业援助: the employment-help service offered to the member, if any (a service-hall item). */
export async function findEmploymentHelp(): Promise<{ id: number; eligible: boolean } | null> {
  const catalogue = await memberApi.get<MemberCatalogue>('/me/services');
  const service = catalogue.services.find((s) => s.category === 'employment');
  return service ? { id: service.id, eligible: service.eligible } : null;
}
