import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CheckinBody,
  CheckinResult,
  IdParams,
  MemberLecture,
  MemberLectureList,
  MemberLectureQuery,
} from '@unionhub/contracts';
import { memberOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import {
  cancelMyRegistration,
  checkInToLecture,
  getMyLecture,
  listMyLectures,
  registerForLecture,
} from './lectures.member.js';

const tags = ['lectures'];
const member = { access: 'member' as const };

export const memberLectureRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/lectures',
      {
        config: member,
        schema: {
          tags,
          summary:
            'Lectures offered to the member (upcoming first), or with `mine` those they hold a seat at',
          querystring: MemberLectureQuery,
          response: { 200: MemberLectureList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => listMyLectures(ctx, memberOf(request), request.query),
    );

    app.get(
      '/me/lectures/:id',
      {
        config: member,
        schema: {
          tags,
          summary: 'One lecture with the member’s registration',
          params: IdParams,
          response: { 200: MemberLecture, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getMyLecture(ctx, memberOf(request), request.params.id),
    );

    app.post(
      '/me/lectures/:id/registration',
      {
        config: member,
        schema: {
          tags,
          summary:
            '报名: take a seat (201); registering again while registered answers 200 and changes nothing',
          params: IdParams,
          response: {
            200: MemberLecture,
            201: MemberLecture,
            ...errorResponses(401, 403, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const { created, lecture } = await registerForLecture(
          ctx,
          memberOf(request),
          request.params.id,
          request.meta(),
        );
        return reply.status(created ? 201 : 200).send(lecture);
      },
    );

    app.delete(
      '/me/lectures/:id/registration',
      {
        config: member,
        schema: {
          tags,
          summary: 'Give the seat back (until the lecture begins)',
          params: IdParams,
          response: { 200: MemberLecture, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) => cancelMyRegistration(ctx, memberOf(request), request.params.id, request.meta()),
    );

    app.post(
      '/me/lectures/checkin',
      {
        config: member,
        schema: {
          tags,
          summary:
            '扫码签到: the token of the QR code on the staff screen; a member who did not register walks in if seats are left',
          body: CheckinBody,
          response: { 200: CheckinResult, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => checkInToLecture(ctx, memberOf(request), request.body.token, request.meta()),
    );
  };
