import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateJoinApplicationBody,
  IdParams,
  JoinApplication,
  JoinApplicationList,
  JoinApplicationQuery,
  RejectJoinApplicationBody,
  UnionChoiceList,
  UnionSearchQuery,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { chinaToday } from '../members/index.js';
import { presentApplication, presentQueueItem } from './joining.presenter.js';
import {
  acceptApplication,
  applyToJoin,
  findUnionsToJoin,
  listApplications,
  listMyApplications,
  rejectApplication,
} from './joining.service.js';

const tags = ['joining'];
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      description: 'A retry with the same key returns the first result',
    }),
  ),
});

export const joiningRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const today = () => chinaToday(ctx.clock.now());

    app.post(
      '/join-applications',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Apply to join a grassroots union (我要入会); the phone is the signed-in account’s',
          headers: IdempotencyHeaders,
          body: CreateJoinApplicationBody,
          response: { 201: JoinApplication, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const row = await applyToJoin(
          ctx,
          memberOf(request),
          request.body,
          request.headers['idempotency-key'],
          request.meta(),
        );
        return reply.status(201).send(presentApplication(row, today()));
      },
    );

    app.get(
      '/join-applications/unions',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary:
            'Find a grassroots union to join: by employer credit code, by name (Chinese or pinyin), or by region',
          querystring: UnionSearchQuery,
          response: { 200: UnionChoiceList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const unions = await findUnionsToJoin(ctx, request.query);
        return {
          items: unions.map((o) => ({
            id: o.id,
            name: o.name,
            regionCode: o.regionCode,
            address: o.address,
          })),
        };
      },
    );

    app.get(
      '/me/join-applications',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The signed-in worker’s applications with status, deadline and decision',
          response: { 200: Type.Object({ items: Type.Array(JoinApplication) }), ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const rows = await listMyApplications(ctx, memberOf(request));
        return { items: rows.map((r) => presentApplication(r, today())) };
      },
    );

    app.get(
      '/join-applications',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'The queue of applications to unions in the caller’s subtree, oldest first',
          querystring: JoinApplicationQuery,
          response: { 200: JoinApplicationList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listApplications(ctx, staffOf(request), request.query);
        return { items: result.items.map((r) => presentQueueItem(r, today())), total: result.total };
      },
    );

    app.post(
      '/join-applications/:id/accept',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Accept: the worker becomes a member of the union, joined today',
          params: IdParams,
          response: { 200: JoinApplication, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentApplication(
          await acceptApplication(ctx, staffOf(request), request.params.id, request.meta()),
          today(),
        ),
    );

    app.post(
      '/join-applications/:id/reject',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Reject with a reason the worker sees',
          params: IdParams,
          body: RejectJoinApplicationBody,
          response: { 200: JoinApplication, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentApplication(
          await rejectApplication(
            ctx,
            staffOf(request),
            request.params.id,
            request.body.reason,
            request.meta(),
          ),
          today(),
        ),
    );
  };
