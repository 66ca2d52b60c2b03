import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ApplyBody,
  IdParams,
  JobApplication,
  JobApplicationList,
  JobFair,
  JobFairList,
  JobFairQuery,
  JobSearchQuery,
  JobSearchResult,
  PublicJob,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { applyForJob, getOpenJob, listMyApplications, searchOpenJobs } from './jobs.board.js';
import { getFair, listFairs } from './jobs.fairs.js';
import {
  presentApplication,
  presentCard,
  presentFair,
  presentFairSummary,
  presentPublicJob,
} from './jobs.presenter.js';
import * as repo from './jobs.repository.js';

const tags = ['job board'];
const member = { access: 'member' as const };
const MyApplicationsQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

/** The member app's side: search open jobs, apply, follow applications, browse job fairs. */
export const jobBoardRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const now = () => ctx.clock.now();

    app.get(
      '/job-board/jobs',
      {
        config: member,
        schema: {
          tags,
          summary:
            'Search open jobs: Chinese keyword (title, enterprise, description), region (a city finds its counties), category, wanted salary; newest or best paid first',
          querystring: JobSearchQuery,
          response: { 200: JobSearchResult, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await searchOpenJobs(ctx, request.query);
        return { ...result, items: result.items.map(presentCard) };
      },
    );

    app.get(
      '/job-board/jobs/:id',
      {
        config: member,
        schema: {
          tags,
          summary: 'An open job, with the caller’s application stage if they applied',
          params: IdParams,
          response: { 200: PublicJob, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const { job, applied } = await getOpenJob(ctx, memberOf(request), request.params.id);
        return presentPublicJob(job, applied);
      },
    );

    app.post(
      '/job-board/jobs/:id/apply',
      {
        config: member,
        schema: {
          tags,
          summary:
            'Apply with a short profile (once per job); the phone is the account’s, masked to the enterprise',
          params: IdParams,
          body: ApplyBody,
          response: { 201: JobApplication, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const id = await applyForJob(ctx, memberOf(request), request.params.id, request.body, request.meta());
        return reply
          .status(201)
          .send(presentApplication((await repo.findApplicationView(ctx.db, id))!, null, false));
      },
    );

    app.get(
      '/me/job-applications',
      {
        config: member,
        schema: {
          tags,
          summary: 'The caller’s applications with their stage, newest first',
          querystring: MyApplicationsQuery,
          response: { 200: JobApplicationList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listMyApplications(ctx, memberOf(request), request.query);
        return { items: result.items.map((a) => presentApplication(a, null, false)), total: result.total };
      },
    );

    app.get(
      '/job-board/fairs',
      {
        config: member,
        schema: {
          tags,
          summary: 'Job fairs, latest first',
          querystring: JobFairQuery,
          response: { 200: JobFairList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listFairs(ctx.db, request.query, now(), null);
        return { items: result.items.map(presentFairSummary), total: result.total };
      },
    );

    app.get(
      '/job-board/fairs/:id',
      {
        config: member,
        schema: {
          tags,
          summary: 'A job fair with its enterprises and their open jobs',
          params: IdParams,
          response: { 200: JobFair, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentFair(await getFair(ctx.db, request.params.id, now(), null)),
    );
  };
