import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChangeMemberStatusBody,
  CorrectIdNumberBody,
  CreateMemberBody,
  IdParams,
  LookupMemberBody,
  Member,
  MemberDetail,
  MemberExportQuery,
  MemberList,
  MemberPii,
  MemberQuery,
  type MemberStatus,
  ReadMemberPiiBody,
  UpdateMemberBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { exportMembers, XLSX_TYPE } from './members.export.js';
import { allowedMemberActions } from './members.policy.js';
import { presentMember, presentMemberDetail } from './members.presenter.js';
import {
  changeMemberStatus,
  correctMemberIdNumber,
  createMember,
  getMemberWithHistory,
  listMembers,
  lookupMember,
  readMemberPii,
  updateMember,
} from './members.service.js';

// Streams bypass serialization; the schema documents the file in OpenAPI.
const XlsxFile = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'xlsx workbook' });
const tags = ['members'];

export const memberRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.post(
      '/members',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Register a member of a grassroots union (answers with ID number and phone masked)',
          body: CreateMemberBody,
          response: { 201: Member, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const member = await createMember(ctx, staffOf(request), request.body, request.meta());
        return reply.status(201).send(presentMember(member));
      },
    );

    app.get(
      '/members',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags,
          summary: 'Members in the caller’s subtree: search, filter, sort, page (masked)',
          querystring: MemberQuery,
          response: { 200: MemberList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listMembers(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentMember), total: result.total };
      },
    );

    app.get(
      '/members/export',
      {
        config: { access: { permission: 'member.export' } },
        schema: {
          tags,
          summary: 'The filtered members as an xlsx file: masked, watermarked, audited, at most 100,000 rows',
          querystring: MemberExportQuery,
          produces: [XLSX_TYPE],
          response: {
            200: XlsxFile,
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportMembers(
          ctx,
          staffOf(request),
          request.query,
          request.meta(),
        );
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );

    app.post(
      '/members/lookup',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags,
          summary: 'The member holding an ID number, within the caller’s subtree (for data exchange)',
          body: LookupMemberBody,
          response: { 200: Member, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => presentMember(await lookupMember(ctx, staffOf(request), request.body.idNumber)),
    );

    app.get(
      '/members/:id',
      {
        config: { access: { permission: 'member.read' } },
        schema: {
          tags,
          summary: 'One member (masked) with status history and what the caller may do',
          params: IdParams,
          response: { 200: MemberDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const { member, history } = await getMemberWithHistory(ctx, actor, request.params.id);
        return presentMemberDetail(
          member,
          history,
          allowedMemberActions(actor.permissions, member.status as MemberStatus),
        );
      },
    );

    app.post(
      '/members/:id/pii',
      {
        config: { access: { permission: 'member.pii' } },
        schema: {
          tags,
          summary: 'The full ID number and phone, for a stated reason; every read is audited',
          params: IdParams,
          body: ReadMemberPiiBody,
          response: { 200: MemberPii, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const pii = await readMemberPii(
          ctx,
          staffOf(request),
          request.params.id,
          request.body.reason,
          request.meta(),
        );
        return reply.header('cache-control', 'no-store').send(pii);
      },
    );

    app.patch(
      '/members/:id',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Change a member’s name, phone, employer or categories (not the ID number)',
          params: IdParams,
          body: UpdateMemberBody,
          response: { 200: Member, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        presentMember(
          await updateMember(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.post(
      '/members/:id/correct-id-number',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Correct a wrongly recorded ID number, with a reason (audited)',
          params: IdParams,
          body: CorrectIdNumberBody,
          response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentMember(
          await correctMemberIdNumber(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );

    app.post(
      '/members/:id/status',
      {
        config: { access: { permission: 'member.write' } },
        schema: {
          tags,
          summary: 'Mark a member as left or deceased, or reactivate; the history keeps every change',
          params: IdParams,
          body: ChangeMemberStatusBody,
          response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        presentMember(
          await changeMemberStatus(ctx, staffOf(request), request.params.id, request.body, request.meta()),
        ),
    );
  };
