import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AskConsultationBody,
  AssignConsultationBody,
  ConsultationDetail,
  ConsultationList,
  ConsultationMessageBody,
  ConsultationQuery,
  IdParams,
  LawyerConsultationActions,
  RateConsultationBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { sendAttachment } from '../attachments/index.js';
import { findConsultationFile, presentDetail, presentSummary } from './consultations.presenter.js';
import type { ConsultationView } from './consultations.repository.js';
import {
  askConsultation,
  getMyConsultation,
  listMyConsultations,
  memberActionsOf,
  memberFollowUp,
  rateConsultation,
} from './consultations.service.js';
import { assignConsultation, staffActionsOf } from './consultations.staff.js';
import {
  getForLawyer,
  getForStaff,
  lawyerAct,
  lawyerActionsOf,
  listLawyerConsultations,
  listStaffConsultations,
} from './consultations.workspace.js';

const tags = ['consultations'];
const member = { access: 'member' as const };
const answer = { access: { permission: 'legal.answer' as const } };
const read = { access: { permission: 'legal.read' as const } };
const FileParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      description: 'A retry with the same key returns the first question',
    }),
  ),
});
const list = (r: { items: ConsultationView[]; total: number }) => ({
  items: r.items.map(presentSummary),
  total: r.total,
});

const ACTION_SUMMARY = {
  pick: 'Pick up (认领) a question assigned to me',
  answer: 'Answer in the thread (text and files); picks it up if needed',
  close: 'Close the consultation',
} as const;

export const consultationRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    // ── Member ──
    app.post(
      '/me/legal/consultations',
      {
        config: member,
        schema: {
          tags,
          summary:
            'Ask a legal question; it goes to the lawyer on duty for its field (a retry with the same Idempotency-Key returns the first)',
          headers: IdempotencyHeaders,
          body: AskConsultationBody,
          response: { 201: ConsultationDetail, ...errorResponses(400, 401, 403, 422) },
        },
      },
      async (request, reply) => {
        const actor = memberOf(request);
        const id = await askConsultation(
          ctx,
          actor,
          request.body,
          request.meta(),
          request.headers['idempotency-key'],
        );
        const row = await getMyConsultation(ctx.db, actor, id);
        return reply.code(201).send(await presentDetail(ctx.db, row, memberActionsOf(row)));
      },
    );

    app.get(
      '/me/legal/consultations',
      {
        config: member,
        schema: {
          tags,
          summary: '我的咨询',
          querystring: ConsultationQuery,
          response: { 200: ConsultationList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => list(await listMyConsultations(ctx, memberOf(request), request.query)),
    );

    app.get(
      '/me/legal/consultations/:id',
      {
        config: member,
        schema: {
          tags,
          summary: 'My consultation with its thread; anyone else’s → 404',
          params: IdParams,
          response: { 200: ConsultationDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const row = await getMyConsultation(ctx.db, memberOf(request), request.params.id);
        return presentDetail(ctx.db, row, memberActionsOf(row));
      },
    );

    app.post(
      '/me/legal/consultations/:id/messages',
      {
        config: member,
        schema: {
          tags,
          summary: 'A follow-up question (追问) in the thread',
          params: IdParams,
          body: ConsultationMessageBody,
          response: { 200: ConsultationDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        await memberFollowUp(ctx, actor, request.params.id, request.body, request.meta());
        const row = await getMyConsultation(ctx.db, actor, request.params.id);
        return presentDetail(ctx.db, row, memberActionsOf(row));
      },
    );

    app.post(
      '/me/legal/consultations/:id/rate',
      {
        config: member,
        schema: {
          tags,
          summary: 'Rate the answer (1–5 and a comment), once',
          params: IdParams,
          body: RateConsultationBody,
          response: { 200: ConsultationDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        await rateConsultation(ctx, actor, request.params.id, request.body, request.meta());
        const row = await getMyConsultation(ctx.db, actor, request.params.id);
        return presentDetail(ctx.db, row, memberActionsOf(row));
      },
    );

    app.get(
      '/me/legal/consultations/:id/files/:attachmentId',
      {
        config: member,
        schema: {
          tags,
          summary: 'A file of my consultation',
          params: FileParams,
          response: { 200: Type.Any({ description: 'the file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getMyConsultation(ctx.db, memberOf(request), request.params.id);
        return sendAttachment(
          ctx,
          reply,
          await findConsultationFile(ctx.db, row.id, request.params.attachmentId),
        );
      },
    );

    // ── Lawyer workspace (法律咨询工作台) ──
    app.get(
      '/legal/workspace/consultations',
      {
        config: answer,
        schema: {
          tags,
          summary: 'The questions assigned to me, open ones first',
          querystring: ConsultationQuery,
          response: { 200: ConsultationList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => list(await listLawyerConsultations(ctx, staffOf(request), request.query)),
    );

    app.get(
      '/legal/workspace/consultations/:id',
      {
        config: answer,
        schema: {
          tags,
          summary: 'A question assigned to me, with its thread; others → 404',
          params: IdParams,
          response: { 200: ConsultationDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const row = await getForLawyer(ctx.db, staffOf(request), request.params.id);
        return presentDetail(ctx.db, row, lawyerActionsOf(row));
      },
    );

    for (const action of LawyerConsultationActions)
      app.post(
        `/legal/workspace/consultations/:id/${action}`,
        {
          config: answer,
          schema: {
            tags,
            summary: ACTION_SUMMARY[action],
            params: IdParams,
            ...(action === 'answer' ? { body: ConsultationMessageBody } : {}),
            response: { 200: ConsultationDetail, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const body = action === 'answer' ? (request.body as ConsultationMessageBody) : null;
          const row = await lawyerAct(ctx, staffOf(request), request.params.id, action, body, request.meta());
          return presentDetail(ctx.db, row, lawyerActionsOf(row));
        },
      );

    app.get(
      '/legal/workspace/consultations/:id/files/:attachmentId',
      {
        config: answer,
        schema: {
          tags,
          summary: 'A file of a question assigned to me',
          params: FileParams,
          response: { 200: Type.Any({ description: 'the file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getForLawyer(ctx.db, staffOf(request), request.params.id);
        return sendAttachment(
          ctx,
          reply,
          await findConsultationFile(ctx.db, row.id, request.params.attachmentId),
        );
      },
    );

    // ── Staff (咨询管理) ──
    app.get(
      '/legal/consultations',
      {
        config: read,
        schema: {
          tags,
          summary: 'Consultations held by the unions of the subtree, waiting ones first',
          querystring: ConsultationQuery,
          response: { 200: ConsultationList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => list(await listStaffConsultations(ctx, staffOf(request), request.query)),
    );

    app.get(
      '/legal/consultations/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A consultation of the subtree with its thread, and whether the caller may assign it',
          params: IdParams,
          response: { 200: ConsultationDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const row = await getForStaff(ctx.db, actor, request.params.id);
        return presentDetail(ctx.db, row, staffActionsOf(actor, row));
      },
    );

    app.post(
      '/legal/consultations/:id/assign',
      {
        config: { access: { permission: 'legal.manage' as const } },
        schema: {
          tags,
          summary: 'Give a waiting (or unpicked) question to a lawyer of the union or above it',
          params: IdParams,
          body: AssignConsultationBody,
          response: { 200: ConsultationDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const row = await assignConsultation(
          ctx,
          actor,
          request.params.id,
          request.body.providerId,
          request.meta(),
        );
        return presentDetail(ctx.db, row, staffActionsOf(actor, row));
      },
    );

    app.get(
      '/legal/consultations/:id/files/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'A file of a consultation of the subtree',
          params: FileParams,
          response: { 200: Type.Any({ description: 'the file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getForStaff(ctx.db, staffOf(request), request.params.id);
        return sendAttachment(
          ctx,
          reply,
          await findConsultationFile(ctx.db, row.id, request.params.attachmentId),
        );
      },
    );
  };
