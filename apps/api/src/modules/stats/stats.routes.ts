import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, OrgMemberStats } from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { getOrgMemberStats } from './stats.service.js';

export const statsRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/orgs/:id/stats',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags: ['stats'],
          summary: 'Member figures for the org’s whole subtree, read from rollups kept on every change',
          params: IdParams,
          response: { 200: OrgMemberStats, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => getOrgMemberStats(ctx, staffOf(request), request.params.id),
    );
  };
