import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssistanceDetail,
  AssistanceList,
  AssistanceQuery,
  IdParams,
  MemberApplyBody,
  PublicNoticeList,
  ResubmitAssistanceBody,
  ReviewActions,
  ReviewBody,
  StaffApplyBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { findOwnedAttachment, sendAttachment } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { findOrgById, listAncestorsOf } from '../orgs/index.js';
import { getMyMembership } from '../services/index.js';
import { loadDetail } from './assistance.detail.js';
import { applicationNotFound } from './assistance.errors.js';
import { presentNotice, presentSummary } from './assistance.presenter.js';
import * as repo from './assistance.repository.js';
import {
  getApplicationInScope,
  getMyApplication,
  memberAct,
  memberApply,
  OWNER,
  review,
  staffActionsOf,
  staffApply,
} from './assistance.service.js';
import { allowedMemberActions } from './assistance.workflow.js';

const tags = ['assistance'];
const read = { access: { permission: 'assistance.read' as const } };
const manage = { access: { permission: 'assistance.manage' as const } };
const member = { access: 'member' as const };
const FileParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const MyQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
const SUMMARY = {
  approve: 'Approve at the level reviewing now (amount ≤ requested); the last level checks limit and budget',
  return: 'Return to the member for more information (comment required)',
  reject: 'Reject with a reason (comment required)',
};

export const assistanceRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/assistance/applications',
      {
        config: read,
        schema: {
          tags,
          summary: '帮扶申请: waiting for my union (queue=mine, by deadline), or all in the subtree',
          querystring: AssistanceQuery,
          response: { 200: AssistanceList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const q = request.query;
        let scopePath = actor.orgPath;
        if (q.orgId) {
          const org = await findOrgById(ctx.db, q.orgId);
          if (!org || !(org.path === actor.orgPath || org.path.startsWith(`${actor.orgPath}.`)))
            throw applicationNotFound(q.orgId);
          scopePath = org.path;
        }
        const now = ctx.clock.now();
        const r = await repo.listApplications(
          ctx.db,
          {
            scopePath,
            ...(q.queue === 'mine' ? { currentOrgId: actor.orgId } : {}),
            ...(q.payable
              ? { payableAt: now, ...(q.orgId ? { payingOrgId: q.orgId } : { payingOrgId: actor.orgId }) }
              : {}),
          },
          q,
        );
        return { items: r.items.map((a) => presentSummary(a, now)), total: r.total };
      },
    );

    app.post(
      '/assistance/applications',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'File an application on a member’s behalf (the household file is created or updated as a draft)',
          body: StaffApplyBody,
          response: { 201: AssistanceDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const id = await staffApply(ctx, actor, request.body, request.meta());
        const row = await getApplicationInScope(ctx.db, actor, id);
        return reply
          .code(201)
          .send(await loadDetail(ctx.db, row, staffActionsOf(actor, row), ctx.clock.now()));
      },
    );

    app.get(
      '/assistance/applications/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'An application with the household (masked), evidence, review path and trail; audited',
          params: IdParams,
          response: { 200: AssistanceDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const row = await getApplicationInScope(ctx.db, actor, request.params.id);
        await recordAudit(ctx.db, {
          actor,
          action: 'assistance.view',
          orgId: row.orgId,
          targetType: OWNER,
          targetId: row.id,
          meta: request.meta(),
        });
        return loadDetail(ctx.db, row, staffActionsOf(actor, row), ctx.clock.now());
      },
    );

    for (const action of ReviewActions)
      app.post(
        `/assistance/applications/:id/${action}`,
        {
          config: manage,
          schema: {
            tags,
            summary: SUMMARY[action],
            params: IdParams,
            body: ReviewBody,
            response: { 200: AssistanceDetail, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const actor = staffOf(request);
          await review(ctx, actor, request.params.id, action, request.body, request.meta());
          const row = await getApplicationInScope(ctx.db, actor, request.params.id);
          return loadDetail(ctx.db, row, staffActionsOf(actor, row), ctx.clock.now());
        },
      );

    app.get(
      '/assistance/applications/:id/attachments/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'An evidence file',
          params: FileParams,
          response: { 200: Type.Any(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getApplicationInScope(ctx.db, staffOf(request), request.params.id);
        return sendAttachment(
          ctx,
          reply,
          await findOwnedAttachment(ctx.db, { type: OWNER, ids: [row.id] }, request.params.attachmentId),
        );
      },
    );

    // The member app

    app.post(
      '/me/assistance',
      {
        config: member,
        schema: {
          tags,
          summary: '申请困难帮扶 with the household’s details, evidence and the bank account',
          body: MemberApplyBody,
          response: { 201: AssistanceDetail, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const actor = memberOf(request);
        const id = await memberApply(ctx, actor, request.body, request.meta());
        const row = await getMyApplication(ctx, actor, id);
        return reply
          .code(201)
          .send(await loadDetail(ctx.db, row, allowedMemberActions(row.state as never), ctx.clock.now()));
      },
    );

    app.get(
      '/me/assistance',
      {
        config: member,
        schema: {
          tags,
          summary: '我的帮扶',
          querystring: MyQuery,
          response: { 200: AssistanceList, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        const me = await getMyMembership(ctx, actor).catch(() => null);
        const r = await repo.listApplications(
          ctx.db,
          { accountId: actor.id, ...(me ? { memberId: me.id } : {}) },
          request.query,
        );
        const now = ctx.clock.now();
        return { items: r.items.map((a) => presentSummary(a, now)), total: r.total };
      },
    );

    app.get(
      '/me/assistance/notices',
      {
        config: member,
        schema: {
          tags,
          summary:
            '公示: approved assistance in its notice period, paid by the unions above the member (names masked)',
          response: { 200: PublicNoticeList, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const me = await getMyMembership(ctx, memberOf(request));
        const path = await listAncestorsOf(ctx.db, me.orgPath);
        const rows = await repo.listNotices(
          ctx.db,
          path.map((o) => o.id),
          ctx.clock.now(),
        );
        return { items: rows.map(presentNotice) };
      },
    );

    app.get(
      '/me/assistance/:id',
      {
        config: member,
        schema: {
          tags,
          summary: 'My application with each level’s step',
          params: IdParams,
          response: { 200: AssistanceDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const row = await getMyApplication(ctx, memberOf(request), request.params.id);
        return loadDetail(ctx.db, row, allowedMemberActions(row.state as never), ctx.clock.now());
      },
    );

    for (const action of ['resubmit', 'withdraw'] as const)
      app.post(
        `/me/assistance/:id/${action}`,
        {
          config: member,
          schema: {
            tags,
            summary:
              action === 'resubmit'
                ? 'Resubmit after a return, with what was asked for'
                : 'Withdraw the application',
            params: IdParams,
            body: ResubmitAssistanceBody,
            response: { 200: AssistanceDetail, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const actor = memberOf(request);
          await memberAct(ctx, actor, request.params.id, action, request.body, request.meta());
          const row = await getMyApplication(ctx, actor, request.params.id);
          return loadDetail(ctx.db, row, allowedMemberActions(row.state as never), ctx.clock.now());
        },
      );

    app.get(
      '/me/assistance/:id/attachments/:attachmentId',
      {
        config: member,
        schema: {
          tags,
          summary: 'A file of my application',
          params: FileParams,
          response: { 200: Type.Any(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getMyApplication(ctx, memberOf(request), request.params.id);
        return sendAttachment(
          ctx,
          reply,
          await findOwnedAttachment(ctx.db, { type: OWNER, ids: [row.id] }, request.params.attachmentId),
        );
      },
    );
  };
