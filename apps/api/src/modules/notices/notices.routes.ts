import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, MemberNoticeList } from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { listMyNotices, markMyNoticesRead } from './notices.service.js';

export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/notices',
      {
        config: { access: 'member' },
        schema: {
          tags: ['notices'],
          summary: 'The signed-in member’s inbox, newest first (the latest 100)',
          response: { 200: MemberNoticeList, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request) => {
        const rows = await listMyNotices(ctx, memberOf(request));
        return {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            text: r.text,
            readAt: r.readAt?.toISOString() ?? null,
            createdAt: r.createdAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/me/notices/read',
      {
        config: { access: 'member' },
        schema: {
          tags: ['notices'],
          summary: 'Mark every notice in the signed-in member’s inbox read (the inbox was opened)',
          response: {
            200: Type.Object({ marked: Type.Integer({ minimum: 0 }) }),
            401: ErrorBody,
            403: ErrorBody,
          },
        },
      },
      async (request) => ({ marked: await markMyNoticesRead(ctx, memberOf(request)) }),
    );
  };
