import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Attachment, IdParams } from '@unionhub/contracts';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { actorOf, sessionStaffOf } from '../../platform/auth-hook.js';
import type { AppContext } from '../../platform/context.js';
import { errorResponses } from '../../platform/error-responses.js';
import { MAX_ATTACHMENT_BYTES } from './attachments.policy.js';
import { presentAttachment, sendAttachment } from './attachments.presenter.js';
import { getMyUnclaimedAttachment, uploadAttachment } from './attachments.service.js';

const tags = ['attachments'];

const personOf = (request: FastifyRequest) => {
  const actor = actorOf(request);
  return actor.kind === 'member' ? actor : sessionStaffOf(request);
};

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(multipart, {
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0, parts: 1 },
    });

    app.post(
      '/attachments',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary:
            'Upload one file (multipart field "file", at most 10 MB: JPG, PNG, WebP, HEIC, PDF, Word, Excel — judged by content); name its id when submitting a form',
          consumes: ['multipart/form-data'],
          response: { 201: Attachment, ...errorResponses(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const actor = personOf(request);
        const row = await uploadAttachment(ctx, actor, await request.file());
        return reply.status(201).send(presentAttachment(row));
      },
    );

    app.get(
      '/attachments/:id',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Your own upload, before a form claims it (afterwards, through the record it belongs to)',
          params: IdParams,
          response: { 200: Type.Any({ description: 'The file' }), ...errorResponses(401, 403, 404) },
        },
      },
      async (request, reply) =>
        sendAttachment(ctx, reply, await getMyUnclaimedAttachment(ctx, personOf(request), request.params.id)),
    );
  };
