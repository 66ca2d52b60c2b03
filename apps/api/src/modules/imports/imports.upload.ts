import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ImportMode, ImportModes } from '@unionhub/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { fileTooLarge } from './imports.errors.js';
import { importsDir } from './imports.file.js';
import type { Upload } from './imports.service.js';

/**
 * Receives the multipart form of an import: the file streamed to DATA_DIR/imports under a random
 * name (hashed on the way, never held in memory), the fields checked. Anything wrong removes the file.
 */
export async function receiveUpload(ctx: AppContext, request: FastifyRequest): Promise<Upload> {
  const dir = importsDir(ctx);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const fields: Record<string, string> = {};
  let file: { filename: string; storedFile: string; sha256: string; size: number } | null = null;
  let partial: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      const storedFile = randomBytes(16).toString('hex');
      partial = join(dir, storedFile);
      const hash = createHash('sha256');
      let size = 0;
      await pipeline(
        part.file,
        new Transform({
          transform(chunk: Buffer, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
          },
        }),
        createWriteStream(partial, { mode: 0o600 }),
      );
      if (part.file.truncated) throw fileTooLarge(ctx.config.importMaxBytes);
      file = { filename: part.filename || 'roster', storedFile, sha256: hash.digest('hex'), size };
    }
  } catch (err) {
    if (partial) await rm(partial, { force: true });
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(ctx.config.importMaxBytes);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the roster as multipart/form-data');
    throw err;
  }
  const problems = [];
  if (!file) problems.push({ path: 'body.file', message: 'is required: the roster (xlsx or csv)' });
  const orgId = fields.orgId?.trim();
  if (!orgId || !/^[1-9]\d{0,14}$/.test(orgId))
    problems.push({ path: 'body.orgId', message: 'must be the id of the union to import into' });
  const dryRun = fields.dryRun?.trim() ?? 'true';
  if (!['true', 'false'].includes(dryRun))
    problems.push({ path: 'body.dryRun', message: 'must be true or false' });
  const mode = fields.mode?.trim() || 'all_or_nothing';
  if (!(ImportModes as readonly string[]).includes(mode))
    problems.push({ path: 'body.mode', message: `must be one of ${ImportModes.join(', ')}` });
  if (problems.length) {
    if (partial) await rm(partial, { force: true });
    throw validationError(problems);
  }
  return { ...file!, orgId: Number(orgId), dryRun: dryRun === 'true', mode: mode as ImportMode };
}
