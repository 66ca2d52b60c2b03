import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssignRequestBody,
  BulkAcceptBody,
  BulkAcceptResult,
  IdParams,
  RateRequestBody,
  RequestActionBody,
  RequestMessageBody,
  ResubmitRequestBody,
  ServiceRequestDetail,
  ServiceRequestList,
  ServiceRequestQuery,
  ServiceStats,
  ServiceStatsQuery,
  StaffRequestActions,
  SubmitRequestBody,
  WithdrawRequestBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import { memberOf, staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { sendAttachment } from '../attachments/index.js';
import { exportServiceStats } from './service-requests.export.js';
import {
  actOnRequest,
  assignRequest,
  bulkAccept,
  getRequestInScope,
  listQueue,
  postStaffMessage,
  staffActionsOf,
} from './service-requests.handling.js';
import { presentDetail, presentSummary } from './service-requests.presenter.js';
import type { RequestView } from './service-requests.repository.js';
import {
  fileRequest,
  findRequestFile,
  getMyRequest,
  listMyRequests,
  loadTimeline,
  memberAct,
  memberActionsOf,
  postMessage,
  rateMyRequest,
} from './service-requests.service.js';
import { getServiceStats } from './service-requests.stats.js';

const tags = ['service requests'];
const read = { access: { permission: 'request.read' as const } };
const handle = { access: { permission: 'request.handle' as const } };
const FileParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 100,
      description: 'A retry with the same key returns the first request',
    }),
  ),
});

const ACTION_SUMMARY: Record<(typeof StaffRequestActions)[number], string> = {
  accept: 'Accept (受理): the completion deadline starts',
  start: 'Start the work (often offline)',
  note: 'Record progress without changing the state',
  return: 'Return to the member for more information (comment required)',
  complete: 'Complete: say what was done and where (comment required)',
  reject: 'Reject with a reason (comment required)',
  transfer: 'Pass on to another union (toOrgId and comment required)',
};

export const serviceRequestRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const staffDetail = async (actor: StaffActor, row: RequestView) =>
      presentDetail(row, await loadTimeline(ctx.db, row.id), staffActionsOf(actor, row), ctx.clock.now());
    const memberDetail = async (row: RequestView) =>
      presentDetail(row, await loadTimeline(ctx.db, row.id), memberActionsOf(row), ctx.clock.now());
    const mine = async (actor: MemberActor, id: number) => memberDetail(await getMyRequest(ctx, actor, id));

    app.get(
      '/service-requests',
      {
        config: read,
        schema: {
          tags,
          summary: 'A union’s queue (own, its subtree, or those it chases), by deadline',
          querystring: ServiceRequestQuery,
          response: { 200: ServiceRequestList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listQueue(ctx, staffOf(request), request.query);
        const now = ctx.clock.now();
        return { items: result.items.map((r) => presentSummary(r, now)), total: result.total };
      },
    );

    app.get(
      '/service-requests/stats',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Service statistics of a union’s subtree over a period: by service and by union below, times to accept and complete (median, p90), overdue share, satisfaction',
          querystring: ServiceStatsQuery,
          response: { 200: ServiceStats, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getServiceStats(ctx, staffOf(request), request.query),
    );

    app.get(
      '/service-requests/stats.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: 'The same statistics as an xlsx workbook (audited)',
          querystring: ServiceStatsQuery,
          produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: {
            200: Type.Any({ description: 'xlsx workbook' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportServiceStats(
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

    app.post(
      '/service-requests/bulk-accept',
      {
        config: handle,
        schema: {
          tags,
          summary: 'Accept several submitted requests at once; each succeeds or fails on its own',
          body: BulkAcceptBody,
          response: { 200: BulkAcceptResult, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => bulkAccept(ctx, staffOf(request), request.body, request.meta()),
    );

    app.get(
      '/service-requests/:id',
      {
        config: read,
        schema: {
          tags,
          summary:
            'A request with its form, files, timeline, messages, the member (masked) and what the caller may do',
          params: IdParams,
          response: { 200: ServiceRequestDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        return staffDetail(actor, await getRequestInScope(ctx.db, actor, request.params.id));
      },
    );

    for (const action of StaffRequestActions)
      app.post(
        `/service-requests/:id/${action}`,
        {
          config: handle,
          schema: {
            tags,
            summary: ACTION_SUMMARY[action],
            params: IdParams,
            body: RequestActionBody,
            response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) => {
          const actor = staffOf(request);
          const row = await actOnRequest(ctx, actor, request.params.id, action, request.body, request.meta());
          return staffDetail(actor, row);
        },
      );

    app.post(
      '/service-requests/:id/assign',
      {
        config: handle,
        schema: {
          tags,
          summary: 'Give the request to a staff user of the handling union (null: back to the union)',
          params: IdParams,
          body: AssignRequestBody,
          response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        return staffDetail(
          actor,
          await assignRequest(ctx, actor, request.params.id, request.body.staffId, request.meta()),
        );
      },
    );

    app.post(
      '/service-requests/:id/messages',
      {
        config: handle,
        schema: {
          tags,
          summary: 'Answer the member on the request',
          params: IdParams,
          body: RequestMessageBody,
          response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        return staffDetail(actor, await postStaffMessage(ctx, actor, request.params.id, request.body));
      },
    );

    app.get(
      '/service-requests/:id/attachments/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'A file of the request, of one of its steps or of one of its messages',
          params: FileParams,
          response: { 200: Type.Any({ description: 'The file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getRequestInScope(ctx.db, staffOf(request), request.params.id);
        return sendAttachment(ctx, reply, await findRequestFile(ctx.db, row.id, request.params.attachmentId));
      },
    );

    app.post(
      '/me/service-requests',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary:
            'Apply for a service: the form’s values and the uploaded files; a double tap files one request',
          headers: IdempotencyHeaders,
          body: SubmitRequestBody,
          response: { 201: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 422) },
        },
      },
      async (request, reply) => {
        const actor = memberOf(request);
        const filed = await fileRequest(
          ctx,
          actor,
          request.body,
          request.headers['idempotency-key'],
          request.meta(),
        );
        const detail = filed.request
          ? presentDetail(filed.request, filed.timeline, memberActionsOf(filed.request), ctx.clock.now())
          : await mine(actor, filed.id);
        return reply.status(201).send(detail);
      },
    );

    app.get(
      '/me/service-requests',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'The member’s requests, newest first',
          querystring: ServiceRequestQuery,
          response: { 200: ServiceRequestList, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const result = await listMyRequests(ctx, memberOf(request), request.query);
        const now = ctx.clock.now();
        return { items: result.items.map((r) => presentSummary(r, now)), total: result.total };
      },
    );

    app.get(
      '/me/service-requests/:id',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'One of the member’s requests with its timeline and the current step',
          params: IdParams,
          response: { 200: ServiceRequestDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => mine(memberOf(request), request.params.id),
    );

    for (const action of ['withdraw', 'resubmit'] as const)
      app.post(
        `/me/service-requests/:id/${action}`,
        {
          config: { access: 'member' },
          schema: {
            tags,
            summary:
              action === 'withdraw'
                ? 'Take the request back (before the union starts work)'
                : 'Send it again after the union asked for more (corrected values, new files)',
            params: IdParams,
            body: action === 'withdraw' ? WithdrawRequestBody : ResubmitRequestBody,
            response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
          },
        },
        async (request) =>
          memberDetail(
            await memberAct(ctx, memberOf(request), request.params.id, action, request.body, request.meta()),
          ),
      );

    app.post(
      '/me/service-requests/:id/rate',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Rate a completed request (满意度), once',
          params: IdParams,
          body: RateRequestBody,
          response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        memberDetail(
          await rateMyRequest(ctx, memberOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.post(
      '/me/service-requests/:id/messages',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Ask the handling union a follow-up question',
          params: IdParams,
          body: RequestMessageBody,
          response: { 200: ServiceRequestDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = memberOf(request);
        const row = await getMyRequest(ctx, actor, request.params.id);
        await postMessage(ctx, { actor, name: row.memberName }, row, request.body);
        return mine(actor, row.id);
      },
    );

    app.get(
      '/me/service-requests/:id/attachments/:attachmentId',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'A file of one of the member’s requests',
          params: FileParams,
          response: { 200: Type.Any({ description: 'The file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getMyRequest(ctx, memberOf(request), request.params.id);
        return sendAttachment(ctx, reply, await findRequestFile(ctx.db, row.id, request.params.attachmentId));
      },
    );
  };
