import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AssistanceStats,
  AssistanceStatsQuery,
  Batch,
  BatchList,
  BatchListQuery,
  BatchResultsBody,
  BudgetQuery,
  BudgetView,
  ConfigQuery,
  CreateBatchBody,
  DeleteKindConfigQuery,
  IdParams,
  KindConfigList,
  LedgerList,
  PutKindConfigBody,
  SetBudgetBody,
} from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { getOrgInScope } from '../orgs/index.js';
import { deleteConfig, listConfigs, putConfig } from './assistance.configs.js';
import { exportAssistanceStats } from './assistance.export.js';
import {
  createBatch,
  exportBankList,
  getBatchInScope,
  getBudget,
  getLedger,
  recordResults,
  setBudget,
} from './assistance.funds.js';
import { presentBatch } from './assistance.presenter.js';
import * as repo from './assistance.repository.js';
import { getAssistanceStats } from './assistance.stats.js';

const tags = ['assistance funds'];
const read = { access: { permission: 'assistance.read' as const } };
const manage = { access: { permission: 'assistance.manage' as const } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const assistanceFundRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/assistance/budgets',
      {
        config: read,
        schema: {
          tags,
          summary: 'A union’s budget per kind for a year: amount, committed, paid, remaining',
          querystring: BudgetQuery,
          response: { 200: BudgetView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getBudget(ctx, staffOf(request), request.query.orgId, request.query.year),
    );

    app.put(
      '/assistance/budgets',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set a union’s budget for a year and kind (an allocation in the ledger)',
          body: SetBudgetBody,
          response: { 200: BudgetView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => setBudget(ctx, staffOf(request), request.body, request.meta()),
    );

    app.get(
      '/assistance/ledger',
      {
        config: read,
        schema: {
          tags,
          summary: 'The ledger of a union for a year: allocations and payments, newest first',
          querystring: BudgetQuery,
          response: { 200: LedgerList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getLedger(ctx, staffOf(request), request.query.orgId, request.query.year),
    );

    app.get(
      '/assistance/batches',
      {
        config: read,
        schema: {
          tags,
          summary: '发放批次 of the subtree (or one union)',
          querystring: BatchListQuery,
          response: { 200: BatchList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const orgId = request.query.orgId;
        const scope = orgId ? (await getOrgInScope(ctx.db, actor, orgId, 'query.orgId')).path : actor.orgPath;
        const rows = await repo.listBatches(ctx.db, scope, orgId);
        return {
          items: rows.map((b) => {
            const { items: _, ...rest } = presentBatch(b);
            return rest;
          }),
        };
      },
    );

    app.post(
      '/assistance/batches',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A payment batch from approved applications (notice period over) that the union pays',
          body: CreateBatchBody,
          response: { 201: Batch, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const id = await createBatch(ctx, actor, request.body, request.meta());
        return reply.code(201).send(presentBatch(await getBatchInScope(ctx, actor, id)));
      },
    );

    app.get(
      '/assistance/batches/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A batch with its payees (accounts masked)',
          params: IdParams,
          response: { 200: Batch, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => presentBatch(await getBatchInScope(ctx, staffOf(request), request.params.id)),
    );

    app.get(
      '/assistance/batches/:id/bank.xlsx',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The list for the bank with full account numbers (audited)',
          params: IdParams,
          produces: [XLSX],
          response: { 200: Type.Any({ description: 'xlsx workbook' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportBankList(
          ctx,
          staffOf(request),
          request.params.id,
          request.meta(),
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );

    app.post(
      '/assistance/batches/:id/results',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record each payee as paid or failed (with the reason)',
          params: IdParams,
          body: BatchResultsBody,
          response: { 200: Batch, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        await recordResults(ctx, actor, request.params.id, request.body, request.meta());
        return presentBatch(await getBatchInScope(ctx, actor, request.params.id));
      },
    );

    app.get(
      '/assistance/configs',
      {
        config: read,
        schema: {
          tags,
          summary:
            'The review configuration per kind that applies in a union (levels, thresholds, limit, notice, paying level)',
          querystring: ConfigQuery,
          response: { 200: KindConfigList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => listConfigs(ctx, staffOf(request), request.query.orgId),
    );

    app.put(
      '/assistance/configs',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set a kind’s configuration for a union’s subtree',
          body: PutKindConfigBody,
          response: { 200: KindConfigList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => putConfig(ctx, staffOf(request), request.body, request.meta()),
    );

    app.delete(
      '/assistance/configs',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Drop a union’s own configuration of a kind; the unions above (or the default) apply again',
          querystring: DeleteKindConfigQuery,
          response: { 200: KindConfigList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => deleteConfig(ctx, staffOf(request), request.query, request.meta()),
    );

    app.get(
      '/assistance/stats',
      {
        config: read,
        schema: {
          tags,
          summary: '帮扶统计 of a subtree over a period',
          querystring: AssistanceStatsQuery,
          response: { 200: AssistanceStats, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getAssistanceStats(ctx, staffOf(request), request.query),
    );

    app.get(
      '/assistance/stats.xlsx',
      {
        config: read,
        schema: {
          tags,
          summary: 'The same statistics as xlsx (audited)',
          querystring: AssistanceStatsQuery,
          produces: [XLSX],
          response: {
            200: Type.Any({ description: 'xlsx workbook' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportAssistanceStats(
          ctx,
          staffOf(request),
          request.query,
          request.meta(),
        );
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  };
