import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApplicationActions,
  ApplicationQuery,
  CreateJobBody,
  CreateRecruiterBody,
  IdParams,
  Job,
  JobActionBody,
  JobApplication,
  JobApplicationList,
  JobFair,
  JobFairBody,
  JobFairList,
  JobFairQuery,
  JobList,
  JobQuery,
  JobStats,
  JobStatsQuery,
  MyEnterprise,
  Recruiter,
  RecruiterJobActions,
  RecruiterList,
  RecruiterQuery,
  StaffJobActions,
  UpdateJobBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { getApplicant, listJobApplicants, moveApplicant } from './jobs.applications.js';
import { exportJobStats } from './jobs.export.js';
import { createFair, getFair, listFairs } from './jobs.fairs.js';
import {
  presentApplication,
  presentFair,
  presentFairSummary,
  presentJob,
  presentRecruiter,
} from './jobs.presenter.js';
import { createRecruiter, listRecruitersInScope } from './jobs.recruiters.js';
import {
  createJob,
  getJobInScope,
  getOwnJob,
  getRecruiterEnterprise,
  listEnterpriseJobs,
  listJobsInScope,
  recruiterAct,
  staffAct,
  updateJob,
} from './jobs.service.js';
import { getJobStats } from './jobs.stats.js';

const tags = ['jobs'];
const post = { access: { permission: 'jobs.post' as const } };
const read = { access: { permission: 'jobs.read' as const } };
const manage = { access: { permission: 'jobs.manage' as const } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The admin console's side: an enterprise's recruiter with its jobs and applicants, the unions' review. */
export const jobRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const now = () => ctx.clock.now();

    app.get(
      '/enterprise-jobs/enterprise',
      {
        config: post,
        schema: {
          tags,
          summary: 'The enterprise the signed-in recruiter posts for',
          response: { 200: MyEnterprise, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const e = await getRecruiterEnterprise(ctx.db, staffOf(request));
        return { id: e.id, name: e.name, creditCode: e.creditCode };
      },
    );

    app.get(
      '/enterprise-jobs',
      {
        config: post,
        schema: {
          tags,
          summary: 'The recruiter’s own jobs, last changed first',
          querystring: JobQuery,
          response: { 200: JobList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listEnterpriseJobs(ctx, staffOf(request), request.query);
        return { items: result.items.map((j) => presentJob(j, 'recruiter', now())), total: result.total };
      },
    );

    app.post(
      '/enterprise-jobs',
      {
        config: post,
        schema: {
          tags,
          summary: 'Draft a job (salary range in 元/月, region GB/T 2260, last day after today)',
          body: CreateJobBody,
          response: { 201: Job, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const row = await createJob(ctx, staffOf(request), request.body, request.meta());
        return reply.status(201).send(presentJob(row, 'recruiter', now()));
      },
    );

    app.get(
      '/enterprise-jobs/:id',
      {
        config: post,
        schema: {
          tags,
          summary: 'One of the recruiter’s jobs (another enterprise’s job is not found)',
          params: IdParams,
          response: { 200: Job, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const enterprise = await getRecruiterEnterprise(ctx.db, actor);
        return presentJob(await getOwnJob(ctx.db, enterprise, request.params.id), 'recruiter', now());
      },
    );

    app.patch(
      '/enterprise-jobs/:id',
      {
        config: post,
        schema: {
          tags,
          summary: 'Edit a draft or rejected job',
          params: IdParams,
          body: UpdateJobBody,
          response: { 200: Job, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const row = await updateJob(ctx, staffOf(request), request.params.id, request.body, request.meta());
        return presentJob(row, 'recruiter', now());
      },
    );

    for (const action of RecruiterJobActions)
      app.post(
        `/enterprise-jobs/:id/${action}`,
        {
          config: post,
          schema: {
            tags,
            summary: action === 'submit' ? 'Submit for the union’s review' : 'Close a published job',
            params: IdParams,
            response: { 200: Job, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const row = await recruiterAct(ctx, staffOf(request), request.params.id, action, request.meta());
          return presentJob(row, 'recruiter', now());
        },
      );

    app.get(
      '/enterprise-jobs/:id/applications',
      {
        config: post,
        schema: {
          tags,
          summary: 'The applicants of one of the recruiter’s jobs (phones masked)',
          params: IdParams,
          querystring: ApplicationQuery,
          response: { 200: JobApplicationList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listJobApplicants(ctx, staffOf(request), request.params.id, request.query);
        return { items: result.items.map((a) => presentApplication(a, null, true)), total: result.total };
      },
    );

    app.get(
      '/job-applications/:id',
      {
        config: post,
        schema: {
          tags,
          summary: 'One applicant: the phone in full from the interview on (audited)',
          params: IdParams,
          response: { 200: JobApplication, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const { row, phone } = await getApplicant(ctx, staffOf(request), request.params.id, request.meta());
        return presentApplication(row, phone, true);
      },
    );

    for (const action of ApplicationActions)
      app.post(
        `/job-applications/:id/${action}`,
        {
          config: post,
          schema: {
            tags,
            summary: `Move the applicant on (${action}); the worker is told`,
            params: IdParams,
            response: { 200: JobApplication, ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) => {
          const { row, phone } = await moveApplicant(
            ctx,
            staffOf(request),
            request.params.id,
            action,
            request.meta(),
          );
          return presentApplication(row, phone, true);
        },
      );

    app.get(
      '/jobs',
      {
        config: read,
        schema: {
          tags,
          summary: 'Jobs reviewed by the caller’s subtree (filter by status, e.g. submitted)',
          querystring: JobQuery,
          response: { 200: JobList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listJobsInScope(ctx, staffOf(request), request.query);
        return { items: result.items.map((j) => presentJob(j, 'staff', now())), total: result.total };
      },
    );

    app.get(
      '/jobs/stats',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Employment statistics of a subtree: jobs posted, open positions, applications, hires — by category and by union below',
          querystring: JobStatsQuery,
          response: { 200: JobStats, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getJobStats(ctx, staffOf(request), request.query),
    );

    app.get(
      '/jobs/stats.xlsx',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The same statistics as an xlsx workbook (audited)',
          querystring: JobStatsQuery,
          produces: [XLSX],
          response: {
            200: Type.Any({ description: 'xlsx workbook' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportJobStats(
          ctx,
          staffOf(request),
          request.query,
          request.meta(),
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );

    app.get(
      '/jobs/recruiters',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Enterprise recruiter accounts in the caller’s subtree',
          querystring: RecruiterQuery,
          response: { 200: RecruiterList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => ({
        items: (await listRecruitersInScope(ctx, staffOf(request), request.query.enterpriseId)).map(
          presentRecruiter,
        ),
      }),
    );

    app.post(
      '/jobs/recruiters',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Create a recruiter account for an enterprise of the caller’s subtree',
          body: CreateRecruiterBody,
          response: { 201: Recruiter, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentRecruiter(await createRecruiter(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.get(
      '/jobs/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A job under review or published, with what the caller may do',
          params: IdParams,
          response: { 200: Job, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        presentJob(await getJobInScope(ctx.db, staffOf(request), request.params.id), 'staff', now()),
    );

    for (const action of StaffJobActions)
      app.post(
        `/jobs/:id/${action}`,
        {
          config: manage,
          schema: {
            tags,
            summary:
              action === 'approve'
                ? 'Approve a submitted job: it is published'
                : action === 'reject'
                  ? 'Reject a submitted job with a reason'
                  : 'Take a published job down',
            params: IdParams,
            body: JobActionBody,
            response: { 200: Job, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const row = await staffAct(
            ctx,
            staffOf(request),
            request.params.id,
            action,
            request.body,
            request.meta(),
          );
          return presentJob(row, 'staff', now());
        },
      );

    app.get(
      '/job-fairs',
      {
        config: read,
        schema: {
          tags,
          summary: 'Job fairs held in the caller’s subtree',
          querystring: JobFairQuery,
          response: { 200: JobFairList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listFairs(ctx.db, request.query, now(), staffOf(request).orgPath);
        return { items: result.items.map(presentFairSummary), total: result.total };
      },
    );

    app.post(
      '/job-fairs',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Hold a job fair with enterprises and some of their published jobs',
          body: JobFairBody,
          response: { 201: JobFair, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const id = await createFair(ctx, actor, request.body, request.meta());
        return reply.status(201).send(presentFair(await getFair(ctx.db, id, now(), actor)));
      },
    );

    app.get(
      '/job-fairs/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A job fair with its enterprises and their open jobs',
          params: IdParams,
          response: { 200: JobFair, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentFair(await getFair(ctx.db, request.params.id, now(), staffOf(request))),
    );
  };
