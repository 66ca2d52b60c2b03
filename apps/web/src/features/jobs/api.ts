import type {
  ApplicationAction,
  CreateJobBody,
  CreateRecruiterBody,
  Enterprise,
  Job,
  JobApplication,
  JobFair,
  JobFairBody,
  JobFairSummary,
  JobQuery,
  JobStats,
  JobStatsQuery,
  Recruiter,
  RecruiterJobAction,
  StaffJobAction,
  UpdateJobBody,
} from '@unionhub/contracts';
import { adminApi, type DownloadedFile } from '../../lib/api';

type Page<T> = { items: T[]; total: number };

export const getMyEnterprise = () =>
  adminApi.get<{ id: number; name: string; creditCode: string }>('/enterprise-jobs/enterprise');
export const listMyJobs = (query: JobQuery) =>
  adminApi.get<Page<Job>>('/enterprise-jobs', { query: { ...query } });
export const getMyJob = (id: number) => adminApi.get<Job>(`/enterprise-jobs/${id}`);
export const createJob = (body: CreateJobBody) => adminApi.post<Job>('/enterprise-jobs', body);
export const updateJob = (id: number, body: UpdateJobBody) =>
  adminApi.request<Job>('PATCH', `/enterprise-jobs/${id}`, { body });
export const actOnMyJob = (id: number, action: RecruiterJobAction) =>
  adminApi.post<Job>(`/enterprise-jobs/${id}/${action}`, {});
export const listApplicants = (jobId: number) =>
  adminApi.get<Page<JobApplication>>(`/enterprise-jobs/${jobId}/applications`, { query: { pageSize: 100 } });
export const getApplicant = (id: number) => adminApi.get<JobApplication>(`/job-applications/${id}`);
export const moveApplicant = (id: number, action: ApplicationAction) =>
  adminApi.post<JobApplication>(`/job-applications/${id}/${action}`, {});

export const listJobs = (query: JobQuery) => adminApi.get<Page<Job>>('/jobs', { query: { ...query } });
export const reviewJob = (id: number, action: StaffJobAction, reason?: string) =>
  adminApi.post<Job>(`/jobs/${id}/${action}`, reason ? { reason } : {});

export const listRecruiters = () => adminApi.get<{ items: Recruiter[] }>('/jobs/recruiters');
export const createRecruiter = (body: CreateRecruiterBody) =>
  adminApi.post<Recruiter>('/jobs/recruiters', body);
export const searchEnterprises = (q: string) =>
  adminApi.get<Page<Enterprise>>('/enterprises', { query: { q, pageSize: 20 } });

export const listFairs = () => adminApi.get<Page<JobFairSummary>>('/job-fairs', { query: { pageSize: 100 } });
export const getFair = (id: number) => adminApi.get<JobFair>(`/job-fairs/${id}`);
export const createFair = (body: JobFairBody) => adminApi.post<JobFair>('/job-fairs', body);

export const getJobStats = (query: JobStatsQuery) =>
  adminApi.get<JobStats>('/jobs/stats', { query: { ...query } });
export const exportJobStats = (query: JobStatsQuery): Promise<DownloadedFile> =>
  adminApi.download('/jobs/stats.xlsx', { query: { ...query } });
