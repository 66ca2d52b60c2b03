import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@unionhub/contracts';
import Type from 'typebox';
import { backgroundJobs } from './jobs.js';
import type { AdjustableClock, AppContext } from './platform/context.js';
import { AppError } from './platform/errors.js';

const ClockBody = Type.Object(
  { now: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) },
  { additionalProperties: false },
);
const ClockState = Type.Object({ now: Type.String({ format: 'date-time' }) });
const JobParams = Type.Object({ name: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
const JobResult = Type.Object({ job: Type.String(), handled: Type.Integer() });

/**
 * Registered only with `CLOCK_CONTROL=true` (refused in production): lets browser journeys set the
 * server's clock and run a background job's pass at once, so "a question asked at 3 a.m." or "ten
 * days later the request is overdue" can be shown without waiting. Hidden from the API document.
 */
export const testControlRoutes =
  (ctx: AppContext, clock: AdjustableClock): FastifyPluginAsyncTypebox =>
  async (app) => {
    const jobs = backgroundJobs(ctx);
    app.get(
      '/test/clock',
      {
        config: { access: 'public' },
        schema: { hide: true, response: { 200: ClockState } },
      },
      async () => ({ now: clock.now().toISOString() }),
    );
    app.put(
      '/test/clock',
      {
        config: { access: 'public' },
        schema: { hide: true, body: ClockBody, response: { 200: ClockState, 400: ErrorBody } },
      },
      async (request) => {
        clock.set(request.body.now === null ? null : new Date(request.body.now));
        ctx.log.warn({ now: clock.now().toISOString() }, 'application clock set over HTTP');
        return { now: clock.now().toISOString() };
      },
    );
    app.post(
      '/test/jobs/:name',
      {
        config: { access: 'public' },
        schema: { hide: true, params: JobParams, response: { 200: JobResult, 404: ErrorBody } },
      },
      async (request) => {
        const job = jobs.find((j) => j.name === request.params.name);
        if (!job)
          throw new AppError('NOT_FOUND', `No background job named ${request.params.name}`, [
            { path: 'params.name', message: `is not one of ${jobs.map((j) => j.name).join(', ')}` },
          ]);
        return { job: job.name, handled: await job.run() };
      },
    );
  };
