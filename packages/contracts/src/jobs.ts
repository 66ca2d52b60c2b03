import Type, { type Static } from 'typebox';
import { Id, RegionCode, StringEnum, Timestamp } from './common.js';

/** The fixed list of job categories (岗位类别); the web app shows their Chinese names. */
export const JobCategories = [
  'manufacturing',
  'skilled',
  'construction',
  'logistics',
  'catering',
  'housekeeping',
  'sales',
  'clerical',
  'it',
  'other',
] as const;
export type JobCategory = (typeof JobCategories)[number];

export const JOB_CATEGORY_NAMES: Record<JobCategory, string> = {
  manufacturing: '制造业普工',
  skilled: '技术工人',
  construction: '建筑',
  logistics: '物流运输',
  catering: '餐饮服务',
  housekeeping: '家政服务',
  sales: '销售',
  clerical: '文员行政',
  it: '信息技术',
  other: '其他',
};

/**
 * A posting's status. `expired` is never stored: a published job past its `validUntil` reads as
 * expired (search and counts compare with the clock), so no job has to sweep them.
 */
export const JobStatuses = ['draft', 'submitted', 'published', 'rejected', 'closed', 'expired'] as const;
export type JobStatus = (typeof JobStatuses)[number];

export const RecruiterJobActions = ['submit', 'close'] as const;
export type RecruiterJobAction = (typeof RecruiterJobActions)[number];
export const StaffJobActions = ['approve', 'reject', 'close'] as const;
export type StaffJobAction = (typeof StaffJobActions)[number];
export type JobAction = RecruiterJobAction | StaffJobAction;

export const ApplicationStages = ['applied', 'viewed', 'interview', 'hired', 'rejected'] as const;
export type ApplicationStage = (typeof ApplicationStages)[number];
export const ApplicationActions = ['view', 'interview', 'hire', 'reject'] as const;
export type ApplicationAction = (typeof ApplicationActions)[number];

const Salary = Type.Integer({ minimum: 0, maximum: 1_000_000, description: '元/月' });

const jobFields = {
  title: Type.String({ minLength: 2, maxLength: 60 }),
  category: StringEnum(JobCategories),
  salaryMin: Salary,
  salaryMax: Salary,
  regionCode: RegionCode,
  requirements: Type.String({ maxLength: 1000 }),
  headcount: Type.Integer({ minimum: 1, maximum: 10_000 }),
  validUntil: Type.String({ format: 'date', description: 'Last day the job is open (China date)' }),
  description: Type.String({ maxLength: 2000 }),
};

export const CreateJobBody = Type.Object(jobFields, { additionalProperties: false });
export type CreateJobBody = Static<typeof CreateJobBody>;

export const UpdateJobBody = Type.Partial(Type.Object(jobFields), { additionalProperties: false });
export type UpdateJobBody = Static<typeof UpdateJobBody>;

export const JobActionBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500, description: 'Required to reject' })) },
  { additionalProperties: false },
);
export type JobActionBody = Static<typeof JobActionBody>;

export const Job = Type.Object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  title: Type.String(),
  category: StringEnum(JobCategories),
  salaryMin: Type.Integer(),
  salaryMax: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  requirements: Type.String(),
  headcount: Type.Integer(),
  validUntil: Type.String({ format: 'date' }),
  description: Type.String(),
  status: StringEnum(JobStatuses),
  rejectReason: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Timestamp, Type.Null()]),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  applications: Type.Integer({ minimum: 0 }),
  allowedActions: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Job = Static<typeof Job>;

export const JobList = Type.Object({ items: Type.Array(Job), total: Type.Integer({ minimum: 0 }) });
export type JobList = Static<typeof JobList>;

export const JobQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(StringEnum(JobStatuses)),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type JobQuery = Static<typeof JobQuery>;

export const JobSearchSorts = ['newest', 'salary'] as const;

export const JobSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 30, description: 'Chinese keyword: title, enterprise, description' }),
    ),
    region: Type.Optional(RegionCode),
    category: Type.Optional(StringEnum(JobCategories)),
    salary: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Wanted monthly minimum (元)' }),
    ),
    sort: Type.Optional(StringEnum(JobSearchSorts)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type JobSearchQuery = Static<typeof JobSearchQuery>;

/** What a worker sees in a list of jobs. */
export const JobCard = Type.Object({
  id: Id,
  title: Type.String(),
  category: StringEnum(JobCategories),
  enterpriseName: Type.String(),
  salaryMin: Type.Integer(),
  salaryMax: Type.Integer(),
  regionCode: Type.String(),
  regionName: Type.String(),
  headcount: Type.Integer(),
  validUntil: Type.String({ format: 'date' }),
  publishedAt: Timestamp,
});
export type JobCard = Static<typeof JobCard>;

export const JobSearchResult = Type.Object({
  items: Type.Array(JobCard),
  total: Type.Integer({ minimum: 0 }),
  totalCapped: Type.Boolean({ description: 'More jobs match than total says' }),
});
export type JobSearchResult = Static<typeof JobSearchResult>;

export const PublicJob = Type.Object({
  ...JobCard.properties,
  requirements: Type.String(),
  description: Type.String(),
  enterpriseAddress: Type.Union([Type.String(), Type.Null()]),
  applied: Type.Union([StringEnum(ApplicationStages), Type.Null()], {
    description: 'The caller’s application stage, if they applied',
  }),
});
export type PublicJob = Static<typeof PublicJob>;

export const ApplyBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 30 }),
    skills: Type.String({ maxLength: 500 }),
    experience: Type.String({ maxLength: 1000 }),
    expectedSalary: Type.Optional(Salary),
  },
  { additionalProperties: false },
);
export type ApplyBody = Static<typeof ApplyBody>;

export const JobApplication = Type.Object({
  id: Id,
  jobId: Id,
  jobTitle: Type.String(),
  enterpriseName: Type.String(),
  name: Type.String(),
  skills: Type.String(),
  experience: Type.String(),
  expectedSalary: Type.Union([Type.Integer(), Type.Null()]),
  phone: Type.String({ description: 'Masked until the interview stage; then in full (audited read)' }),
  phoneFull: Type.Boolean(),
  stage: StringEnum(ApplicationStages),
  allowedActions: Type.Array(StringEnum(ApplicationActions)),
  createdAt: Timestamp,
  stageChangedAt: Timestamp,
});
export type JobApplication = Static<typeof JobApplication>;

export const JobApplicationList = Type.Object({
  items: Type.Array(JobApplication),
  total: Type.Integer({ minimum: 0 }),
});
export type JobApplicationList = Static<typeof JobApplicationList>;

export const ApplicationQuery = Type.Object(
  {
    stage: Type.Optional(StringEnum(ApplicationStages)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const ApplicationParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), action: StringEnum(ApplicationActions) },
  { additionalProperties: false },
);

export const CreateRecruiterBody = Type.Object(
  {
    enterpriseId: Id,
    username: Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 10, maxLength: 128 }),
  },
  { additionalProperties: false },
);
export type CreateRecruiterBody = Static<typeof CreateRecruiterBody>;

export const Recruiter = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  enterpriseId: Id,
  enterpriseName: Type.String(),
  disabled: Type.Boolean(),
  createdAt: Timestamp,
});
export type Recruiter = Static<typeof Recruiter>;

export const RecruiterList = Type.Object({ items: Type.Array(Recruiter) });

export const RecruiterQuery = Type.Object(
  { enterpriseId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

/** The enterprise a recruiter posts for. */
export const MyEnterprise = Type.Object({ id: Id, name: Type.String(), creditCode: Type.String() });

export const JobFairModes = ['onsite', 'online'] as const;

export const JobFairBody = Type.Object(
  {
    orgId: Id,
    name: Type.String({ minLength: 2, maxLength: 80 }),
    startsAt: Timestamp,
    endsAt: Timestamp,
    mode: StringEnum(JobFairModes),
    place: Type.String({ maxLength: 200, description: 'Address, or the link of an online fair' }),
    description: Type.String({ maxLength: 2000 }),
    enterprises: Type.Array(
      Type.Object(
        {
          enterpriseId: Id,
          booth: Type.Optional(Type.String({ maxLength: 20 })),
          jobIds: Type.Array(Id, { maxItems: 50 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type JobFairBody = Static<typeof JobFairBody>;

export const JobFairSummary = Type.Object({
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  name: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  mode: StringEnum(JobFairModes),
  place: Type.String(),
  enterprises: Type.Integer({ minimum: 0 }),
  jobs: Type.Integer({ minimum: 0 }),
});
export type JobFairSummary = Static<typeof JobFairSummary>;

export const JobFair = Type.Object({
  ...JobFairSummary.properties,
  description: Type.String(),
  participants: Type.Array(
    Type.Object({
      enterpriseId: Id,
      enterpriseName: Type.String(),
      booth: Type.Union([Type.String(), Type.Null()]),
      jobs: Type.Array(JobCard),
    }),
  ),
});
export type JobFair = Static<typeof JobFair>;

export const JobFairList = Type.Object({ items: Type.Array(JobFairSummary), total: Type.Integer() });

export const JobFairQuery = Type.Object(
  {
    upcoming: Type.Optional(Type.Boolean({ description: 'Only fairs not yet over' })),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type JobFairQuery = Static<typeof JobFairQuery>;

export const JobStatsQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type JobStatsQuery = Static<typeof JobStatsQuery>;

export const JobFigures = Type.Object({
  posted: Type.Integer({ minimum: 0, description: 'Jobs submitted in the period' }),
  openJobs: Type.Integer({ minimum: 0, description: 'Published and not expired now' }),
  openPositions: Type.Integer({ minimum: 0, description: 'Headcount of the open jobs' }),
  applications: Type.Integer({ minimum: 0 }),
  hires: Type.Integer({ minimum: 0 }),
});
export type JobFigures = Static<typeof JobFigures>;

export const JobStats = Type.Object({
  org: Type.Object({ id: Id, name: Type.String() }),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  totals: JobFigures,
  byCategory: Type.Array(Type.Object({ category: StringEnum(JobCategories), ...JobFigures.properties })),
  byOrg: Type.Array(
    Type.Object({ orgId: Id, orgName: Type.String(), own: Type.Boolean(), ...JobFigures.properties }),
  ),
});
export type JobStats = Static<typeof JobStats>;
