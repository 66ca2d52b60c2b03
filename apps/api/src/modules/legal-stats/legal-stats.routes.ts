import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LegalStats, LegalStatsQuery } from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { exportLegalStats } from './legal-stats.export.js';
import { getLegalStats } from './legal-stats.service.js';

const tags = ['legal statistics'];
const read = { access: { permission: 'legal.read' as const } };

export const legalStatsRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/legal/stats',
      {
        config: read,
        schema: {
          tags,
          summary:
            '法律服务统计 of a union’s subtree over a period: lectures and attendance, inspections, non-compliant items and rectification, in total and by union below',
          querystring: LegalStatsQuery,
          response: { 200: LegalStats, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getLegalStats(ctx, staffOf(request), request.query),
    );

    app.get(
      '/legal/stats.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: 'The same statistics as an xlsx workbook (audited)',
          querystring: LegalStatsQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: {
            200: Type.Any({ description: 'xlsx workbook' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportLegalStats(
          ctx,
          staffOf(request),
          request.query,
          request.meta(),
        );
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  };
