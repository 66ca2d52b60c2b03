import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditList, AuditQuery, ErrorBody } from '@unionhub/contracts';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { presentAuditEntry } from './audit.presenter.js';
import { listAudit } from './audit.service.js';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: 'Audit entries about orgs in the caller’s subtree, newest first',
          querystring: AuditQuery,
          response: { 200: AuditList, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request) => {
        const result = await listAudit(ctx.db, staffOf(request), request.query);
        return { items: result.items.map(presentAuditEntry), total: result.total };
      },
    );
  };
