import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CancelLectureBody,
  CreateLectureBody,
  IdParams,
  Lecture,
  LectureCheckinToken,
  LectureList,
  LectureQuery,
  LectureRegistration,
  LectureRegistrationList,
  LectureRegistrationQuery,
  RegistrationParams,
  UpdateLectureBody,
} from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { memberLectureRoutes } from './lectures.member-routes.js';
import { presentLecture, presentRegistration } from './lectures.presenter.js';
import {
  changeLectureStatus,
  createLecture,
  getLectureInScope,
  issueCheckinToken,
  listLectureRegistrations,
  listLectures,
  markAttended,
  updateLecture,
} from './lectures.service.js';

const tags = ['lectures'];
const manage = { access: { permission: 'legal.manage' as const } };
const read = { access: { permission: 'legal.read' as const } };

export const lectureRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/lectures',
      {
        config: read,
        schema: {
          tags,
          summary: '法律大讲堂: the lectures of the caller’s subtree (or of one union), latest first',
          querystring: LectureQuery,
          response: { 200: LectureList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listLectures(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentLecture), total: result.total };
      },
    );

    app.post(
      '/lectures',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Draft a lecture: topic, speaker, on site (place) or online (https link), time, seats',
          body: CreateLectureBody,
          response: { 201: Lecture, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentLecture(await createLecture(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.get(
      '/lectures/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One lecture with its seats taken and attendance',
          params: IdParams,
          response: { 200: Lecture, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentLecture(await getLectureInScope(ctx.db, staffOf(request), request.params.id)),
    );

    app.patch(
      '/lectures/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a draft or published lecture (seats cannot drop below those taken)',
          params: IdParams,
          body: UpdateLectureBody,
          response: { 200: Lecture, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentLecture(
          await updateLecture(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    for (const action of ['publish', 'finish'] as const)
      app.post(
        `/lectures/:id/${action}`,
        {
          config: manage,
          schema: {
            tags,
            summary:
              action === 'publish'
                ? 'Offer the lecture to the members of the union’s subtree'
                : 'Close a lecture that has taken place',
            params: IdParams,
            response: { 200: Lecture, ...errorResponses(401, 403, 404, 409) },
          },
        },
        async (request) =>
          presentLecture(
            await changeLectureStatus(
              ctx,
              staffOf(request),
              request.params.id,
              action,
              undefined,
              request.meta(),
            ),
          ),
      );

    app.post(
      '/lectures/:id/cancel',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Call the lecture off; everyone holding a seat is told why',
          params: IdParams,
          body: CancelLectureBody,
          response: { 200: Lecture, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentLecture(
          await changeLectureStatus(
            ctx,
            staffOf(request),
            request.params.id,
            'cancel',
            request.body.reason,
            request.meta(),
          ),
        ),
    );

    app.get(
      '/lectures/:id/registrations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Who registered, walked in and attended (phones masked)',
          params: IdParams,
          querystring: LectureRegistrationQuery,
          response: { 200: LectureRegistrationList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listLectureRegistrations(
          ctx,
          staffOf(request),
          request.params.id,
          request.query,
        );
        return { items: result.items.map(presentRegistration), total: result.total };
      },
    );

    app.get(
      '/lectures/:id/checkin-token',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The signed check-in token for the QR code on the staff screen (90 s; refresh every 30 s)',
          params: IdParams,
          response: { 200: LectureCheckinToken, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => issueCheckinToken(ctx, staffOf(request), request.params.id),
    );

    app.post(
      '/lectures/:id/registrations/:registrationId/attend',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark a registered member present by hand',
          params: RegistrationParams,
          response: { 200: LectureRegistration, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentRegistration(
          await markAttended(
            ctx,
            staffOf(request),
            request.params.id,
            request.params.registrationId,
            request.meta(),
          ),
        ),
    );

    await app.register(memberLectureRoutes(ctx));
  };
