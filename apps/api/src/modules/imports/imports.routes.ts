import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CommitImportBody,
  IdParams,
  ImportAccepted,
  ImportJob,
  ImportJobList,
  ImportListQuery,
  ImportTemplateQuery,
} from '@unionhub/contracts';
import Type from 'typebox';
import { staffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { exportErrorReport, writeTemplate, XLSX_TYPE } from './imports.export.js';
import { presentImport, presentImportSummary } from './imports.presenter.js';
import {
  commitImport,
  getImportInScope,
  listImports,
  previewProblems,
  startImport,
} from './imports.service.js';
import { receiveUpload } from './imports.upload.js';

// Streams bypass serialization; the schema documents the file in OpenAPI.
const File = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });
const tags = ['imports'];
const write = { access: { permission: 'member.write' } } as const;

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(multipart, {
      limits: { fileSize: ctx.config.importMaxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 20 },
    });

    app.get(
      '/imports/members/template',
      {
        config: write,
        schema: {
          tags,
          summary: 'The roster template: Chinese headers, an example row and (xlsx) a sheet 填写说明',
          querystring: ImportTemplateQuery,
          produces: [XLSX_TYPE, 'text/csv'],
          response: { 200: File, ...errorResponses(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const { body, type, filename } = await writeTemplate(request.query.format ?? 'xlsx');
        return reply
          .header('content-type', type)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(body);
      },
    );

    app.post(
      '/imports/members',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Upload a member roster (multipart: file = xlsx or csv in UTF-8 or GBK, orgId, dryRun = true|false, mode = all_or_nothing|skip_invalid); checked in the background',
          consumes: ['multipart/form-data'],
          response: { 202: ImportAccepted, ...errorResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const upload = await receiveUpload(ctx, request);
        const id = await startImport(ctx, actor, upload, request.meta());
        return reply.status(202).send({ id });
      },
    );

    app.get(
      '/imports',
      {
        config: write,
        schema: {
          tags,
          summary: 'Recent imports in the caller’s subtree, or of one union, newest first',
          querystring: ImportListQuery,
          response: { 200: ImportJobList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const result = await listImports(ctx, staffOf(request), request.query);
        return { items: result.items.map(presentImportSummary), total: result.total };
      },
    );

    app.get(
      '/imports/:id',
      {
        config: write,
        schema: {
          tags,
          summary: 'An import’s status, progress, counts and first problems',
          params: IdParams,
          response: { 200: ImportJob, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const job = await getImportInScope(ctx, staffOf(request), request.params.id);
        return presentImport(job, job.invalid > 0 ? await previewProblems(ctx, job.id) : []);
      },
    );

    app.post(
      '/imports/:id/commit',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Write a checked import’s valid rows in one transaction (all_or_nothing refuses a file with bad rows)',
          params: IdParams,
          body: CommitImportBody,
          response: { 202: ImportAccepted, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await commitImport(ctx, staffOf(request), request.params.id, request.body.mode, request.meta());
        return reply.status(202).send({ id: request.params.id });
      },
    );

    app.get(
      '/imports/:id/error-report',
      {
        config: write,
        schema: {
          tags,
          summary: 'The bad rows as xlsx: 行号, the original cells and 错误说明 (audited)',
          params: IdParams,
          produces: [XLSX_TYPE],
          response: { 200: File, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { stream, filename } = await exportErrorReport(
          ctx,
          staffOf(request),
          request.params.id,
          request.meta(),
        );
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  };
