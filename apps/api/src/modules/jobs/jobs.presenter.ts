import type {
  ApplicationStage,
  Job,
  JobApplication,
  JobCard,
  JobCategory,
  JobFair,
  JobFairSummary,
  PublicJob,
  Recruiter,
} from '@unionhub/contracts';
import { findRegion } from '../regions/index.js';
import type { FairRow, getFair } from './jobs.fairs.js';
import type { ApplicationView, JobView } from './jobs.repository.js';
import type { JobCardRow } from './jobs.search.js';
import { effectiveStatus } from './jobs.service.js';
import { allowedApplicationActions, allowedJobActions } from './jobs.workflow.js';

/** 金水区 reads 郑州市金水区; a city or province reads as its own name. */
export function regionLabel(code: string): string {
  const region = findRegion(code);
  if (!region) return code;
  if (region.level !== 'county' || !region.parentCode) return region.name;
  const parent = findRegion(region.parentCode);
  if (parent?.level !== 'city') return region.name;
  // 郑州航空港经济综合实验区 already names its city.
  return region.name.startsWith(parent.name.replace(/市$/, ''))
    ? region.name
    : `${parent.name}${region.name}`;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentJob(row: JobView, side: 'recruiter' | 'staff', now: Date): Job {
  const status = effectiveStatus(row, now);
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    orgId: row.orgId,
    orgName: row.orgName,
    title: row.title,
    category: row.category as JobCategory,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    regionCode: row.regionCode,
    regionName: regionLabel(row.regionCode),
    requirements: row.requirements,
    headcount: row.headcount,
    validUntil: row.validUntil,
    description: row.description,
    status,
    rejectReason: row.rejectReason,
    submittedAt: iso(row.submittedAt),
    publishedAt: iso(row.publishedAt),
    applications: Number(row.applications),
    allowedActions: [
      ...(side === 'recruiter' && (status === 'draft' || status === 'rejected') ? ['edit'] : []),
      ...allowedJobActions(side, status),
    ],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCard(row: JobCardRow): JobCard {
  return {
    id: Number(row.id),
    title: row.title,
    category: row.category as JobCategory,
    enterpriseName: row.enterprise_name,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    regionCode: row.region_code,
    regionName: regionLabel(row.region_code),
    headcount: row.headcount,
    validUntil: row.valid_until,
    publishedAt: new Date(row.published_at).toISOString(),
  };
}

export function presentPublicJob(row: JobView, applied: string | null): PublicJob {
  return {
    ...presentCard({
      id: row.id,
      title: row.title,
      category: row.category,
      enterprise_name: row.enterpriseName,
      salary_min: row.salaryMin,
      salary_max: row.salaryMax,
      region_code: row.regionCode,
      headcount: row.headcount,
      valid_until: row.validUntil,
      published_at: row.publishedAt ?? row.updatedAt,
    }),
    requirements: row.requirements,
    description: row.description,
    enterpriseAddress: row.enterpriseAddress,
    applied: applied as ApplicationStage | null,
  };
}

/**
 * An application. The worker sees their own; the enterprise sees the phone masked, or in full once
 * it invited the worker (`phone` given, an audited read).
 */
export function presentApplication(
  row: ApplicationView,
  phone: string | null,
  forEnterprise: boolean,
): JobApplication {
  const stage = row.stage as ApplicationStage;
  return {
    id: row.id,
    jobId: row.jobId,
    jobTitle: row.jobTitle,
    enterpriseName: row.enterpriseName,
    name: row.name,
    skills: row.skills,
    experience: row.experience,
    expectedSalary: row.expectedSalary,
    phone: phone ?? row.phoneMasked,
    phoneFull: phone !== null,
    stage,
    allowedActions: forEnterprise ? allowedApplicationActions(stage) : [],
    createdAt: row.createdAt.toISOString(),
    stageChangedAt: row.stageChangedAt.toISOString(),
  };
}

export function presentFairSummary(row: FairRow): JobFairSummary {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    mode: row.mode as JobFairSummary['mode'],
    place: row.place,
    enterprises: Number(row.enterprises),
    jobs: Number(row.jobs),
  };
}

export function presentRecruiter(row: {
  id: number;
  username: string;
  displayName: string;
  enterpriseId: number;
  enterpriseName: string;
  disabledAt: Date | null;
  createdAt: Date;
}): Recruiter {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentFair({ fair, participants, jobs }: Awaited<ReturnType<typeof getFair>>): JobFair {
  return {
    ...presentFairSummary(fair),
    description: fair.description,
    participants: participants.map((p) => ({
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      booth: p.booth,
      jobs: jobs
        .filter((j) => j.enterpriseId === p.enterpriseId)
        .map((j) =>
          presentCard({
            id: j.id,
            title: j.title,
            category: j.category,
            enterprise_name: p.enterpriseName,
            salary_min: j.salaryMin,
            salary_max: j.salaryMax,
            region_code: j.regionCode,
            headcount: j.headcount,
            valid_until: j.validUntil,
            published_at: j.publishedAt ?? fair.startsAt,
          }),
        ),
    })),
  };
}
