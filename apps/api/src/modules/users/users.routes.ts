import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateStaffUserBody,
  IdParams,
  StaffUser,
  StaffUserList,
  StaffUserQuery,
  UpdateStaffUserBody,
} from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { presentUser } from './users.presenter.js';
import { createStaffUser, listStaffUsers, unlockStaffUser, updateStaffUser } from './users.service.js';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/users',
      {
        config: { access: { permission: 'user.read' } },
        schema: {
          tags: ['users'],
          summary: 'Staff users in the caller’s subtree',
          querystring: StaffUserQuery,
          response: { 200: StaffUserList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listStaffUsers(ctx, staffOf(request), request.query);
        const now = ctx.clock.now();
        return { items: result.items.map((u) => presentUser(u, now)), total: result.total };
      },
    );

    app.post(
      '/users',
      {
        config: { access: { permission: 'user.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Create a staff user in an org of the caller’s subtree',
          body: CreateStaffUserBody,
          response: { 201: StaffUser, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const user = await createStaffUser(ctx, staffOf(request), request.body, request.meta());
        return reply.status(201).send(presentUser(user, ctx.clock.now()));
      },
    );

    app.patch(
      '/users/:id',
      {
        config: { access: { permission: 'user.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Change a staff user’s name, roles or disabled state',
          params: IdParams,
          body: UpdateStaffUserBody,
          response: { 200: StaffUser, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentUser(
          await updateStaffUser(ctx, staffOf(request), request.params.id, request.body, request.meta()),
          ctx.clock.now(),
        ),
    );

    app.post(
      '/users/:id/unlock',
      {
        config: { access: { permission: 'user.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Lift a sign-in lockout',
          params: IdParams,
          response: { 200: StaffUser, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        presentUser(
          await unlockStaffUser(ctx, staffOf(request), request.params.id, request.meta()),
          ctx.clock.now(),
        ),
    );
  };
