import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreateFollowUpBody,
  CreateInspectionBody,
  IdParams,
  Inspection,
  InspectionFileParams,
  InspectionList,
  InspectionQuery,
} from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { sendAttachment } from '../attachments/index.js';
import { chinaToday } from '../members/index.js';
import { presentInspection, presentInspectionSummary } from './legal-supervision.presenter.js';
import {
  addFollowUp,
  createInspection,
  findInspectionFile,
  getInspectionInScope,
  listInspections,
  loadInspection,
} from './legal-supervision.service.js';

const tags = ['legal supervision'];
const manage = { access: { permission: 'legal.manage' as const } };
const read = { access: { permission: 'legal.read' as const } };

export const legalSupervisionRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const today = () => chinaToday(ctx.clock.now());
    const detail = (loaded: Awaited<ReturnType<typeof loadInspection>>) =>
      presentInspection(loaded.row, loaded.followUps, loaded.files, today());

    app.get(
      '/legal-inspections',
      {
        config: read,
        schema: {
          tags,
          summary:
            '劳动法律监督: inspections of the caller’s subtree, latest first; an enterprise’s history; overdue rectifications flagged',
          querystring: InspectionQuery,
          response: { 200: InspectionList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listInspections(ctx, staffOf(request), request.query);
        return { items: result.items.map((r) => presentInspectionSummary(r, today())), total: result.total };
      },
    );

    app.post(
      '/legal-inspections',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Record an inspection of an enterprise: the checklist judged item by item, findings, files, and a rectification deadline when anything is non-compliant',
          body: CreateInspectionBody,
          response: { 201: Inspection, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(detail(await createInspection(ctx, staffOf(request), request.body, request.meta()))),
    );

    app.get(
      '/legal-inspections/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'One inspection with its checklist, files and follow-ups',
          params: IdParams,
          response: { 200: Inspection, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) =>
        detail(
          await loadInspection(
            ctx.db,
            await getInspectionInScope(ctx.db, staffOf(request), request.params.id),
          ),
        ),
    );

    app.post(
      '/legal-inspections/:id/follow-ups',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a follow-up: the items found rectified; the inspection closes when none remain',
          params: IdParams,
          body: CreateFollowUpBody,
          response: { 201: Inspection, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            detail(await addFollowUp(ctx, staffOf(request), request.params.id, request.body, request.meta())),
          ),
    );

    app.get(
      '/legal-inspections/:id/attachments/:attachmentId',
      {
        config: read,
        schema: {
          tags,
          summary: 'A file of the inspection or of one of its follow-ups',
          params: InspectionFileParams,
          response: { 200: Type.Any({ description: 'The file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const row = await getInspectionInScope(ctx.db, staffOf(request), request.params.id);
        return sendAttachment(ctx, reply, await findInspectionFile(ctx.db, row, request.params.attachmentId));
      },
    );
  };
