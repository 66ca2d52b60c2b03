import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CloseFileBody,
  CreateHardshipFileBody,
  FullViewBody,
  HardshipFileDetail,
  HardshipFileList,
  HardshipFileQuery,
  IdParams,
  PutTierRulesBody,
  RecheckBody,
  TierRule,
  TierRuleSets,
  UpdateHardshipFileBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import type { StaffActor } from '../../platform/actor.js';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { findOwnedAttachment, listAttachmentsOf, sendAttachment } from '../attachments/index.js';
import { presentFileDetail, presentFileSummary } from './hardship.presenter.js';
import { listTierRules, putTierRules } from './hardship.rules.js';
import {
  closeFile,
  createFile,
  FILE_OWNER,
  getFileInScope,
  listFiles,
  readFile,
  recheckFile,
  updateFile,
} from './hardship.service.js';

const tags = ['hardship'];
const read = { access: { permission: 'assistance.read' as const } };
const manage = { access: { permission: 'assistance.manage' as const } };
const FileParams = Type.Object(
  { id: Type.Integer({ minimum: 1 }), attachmentId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
const RuleSetsWithDefaults = Type.Object({ ...TierRuleSets.properties, defaults: Type.Array(TierRule) });

export const hardshipRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const detail = async (actor: StaffActor, id: number, fullReason: string | null, meta: RequestMeta) => {
      const r = await readFile(ctx, actor, id, fullReason, meta);
      return presentFileDetail(r, await listAttachmentsOf(ctx.db, FILE_OWNER, [id]), ctx.clock.now());
    };

    app.get(
      '/hardship/files',
      {
        config: read,
        schema: {
          tags,
          summary: '困难职工档案 in the caller’s subtree: by tier, cause, re-check due or overdue, name',
          querystring: HardshipFileQuery,
          response: { 200: HardshipFileList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const r = await listFiles(ctx, staffOf(request), request.query);
        const now = ctx.clock.now();
        return { items: r.items.map((f) => presentFileSummary(f, now)), total: r.total };
      },
    );

    app.post(
      '/hardship/files',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Open a file for a member (one per household; the tier follows the rules)',
          body: CreateHardshipFileBody,
          response: { 201: HardshipFileDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const id = await createFile(ctx, actor, request.body, request.meta());
        return reply.code(201).send(await detail(actor, id, null, request.meta()));
      },
    );

    app.get(
      '/hardship/files/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A file with its household (ID numbers masked), evidence and re-checks; audited',
          params: IdParams,
          response: { 200: HardshipFileDetail, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => detail(staffOf(request), request.params.id, null, request.meta()),
    );

    app.post(
      '/hardship/files/:id/full-view',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The file with the household’s ID numbers in full, for a stated reason (audited)',
          params: IdParams,
          body: FullViewBody,
          response: { 200: HardshipFileDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        detail(staffOf(request), request.params.id, request.body.reason.trim(), request.meta()),
    );

    app.patch(
      '/hardship/files/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit the household, income, causes or note; the tier is computed again',
          params: IdParams,
          body: UpdateHardshipFileBody,
          response: { 200: HardshipFileDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await updateFile(ctx, actor, request.params.id, request.body, request.meta());
        return detail(actor, request.params.id, null, request.meta());
      },
    );

    app.post(
      '/hardship/files/:id/recheck',
      {
        config: manage,
        schema: {
          tags,
          summary: '年度复核: record the re-check; income and tier follow, the next is due a year on',
          params: IdParams,
          body: RecheckBody,
          response: { 200: HardshipFileDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await recheckFile(ctx, actor, request.params.id, request.body, request.meta());
        return detail(actor, request.params.id, null, request.meta());
      },
    );

    app.post(
      '/hardship/files/:id/close',
      {
        config: manage,
        schema: {
          tags,
          summary: '脱困: close the file; the household is watched for a year',
          params: IdParams,
          body: CloseFileBody,
          response: { 200: HardshipFileDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await closeFile(ctx, actor, request.params.id, request.body.reason, request.meta());
        return detail(actor, request.params.id, null, request.meta());
      },
    );

    app.get(
      '/hardship/files/:id/attachments/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'An evidence file of the file',
          params: FileParams,
          response: { 200: Type.Any(), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const file = await getFileInScope(ctx.db, staffOf(request), request.params.id);
        const row = await findOwnedAttachment(
          ctx.db,
          { type: FILE_OWNER, ids: [file.id] },
          request.params.attachmentId,
        );
        return sendAttachment(ctx, reply, row);
      },
    );

    app.get(
      '/hardship/tier-rules',
      {
        config: read,
        schema: {
          tags,
          summary: '困难认定标准: the rule sets per region prefix and the built-in default',
          response: { 200: RuleSetsWithDefaults, ...errorResponses(401, 403) },
        },
      },
      async () => listTierRules(ctx),
    );

    app.put(
      '/hardship/tier-rules',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Write the rule set of a region (province or city federations, their own region)',
          body: PutTierRulesBody,
          response: { 200: RuleSetsWithDefaults, ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => putTierRules(ctx, staffOf(request), request.body, request.meta()),
    );
  };
