import type { Attachment, AttachmentKind } from '@unionhub/contracts';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { AttachmentRow } from './attachments.repository.js';
import { openAttachment } from './attachments.service.js';

export function presentAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    kind: row.kind as AttachmentKind,
    size: row.size,
    slot: row.slot,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Streams a file with its detected type; pictures and PDFs open in the browser, the rest download.
 * The Chinese name travels as RFC 5987 `filename*`; `nosniff` keeps the browser from guessing.
 */
export function sendAttachment(ctx: AppContext, reply: FastifyReply, row: AttachmentRow) {
  const disposition = row.kind === 'office' ? 'attachment' : 'inline';
  return reply
    .header('content-type', row.contentType)
    .header('content-length', String(row.size))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header(
      'content-disposition',
      `${disposition}; filename="file"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    )
    .send(openAttachment(ctx, row));
}
