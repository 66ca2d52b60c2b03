import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live. The default keeps them on local disk under the data folder, outside
 * the web root, under generated names; a deployment with several API hosts plugs shared storage
 * (an S3-compatible bucket, NFS) in behind the same interface.
 */
export interface FileStore {
  /** Writes the stream and returns the key it is kept under. */
  put(body: Readable): Promise<{ key: string; size: number }>;
  get(key: string): Readable;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

export function createDiskFileStore(root: string): FileStore {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(root, key);
  };
  return {
    async put(body) {
      const id = randomUUID();
      const key = `${id.slice(0, 2)}/${id}`;
      mkdirSync(join(root, id.slice(0, 2)), { recursive: true, mode: 0o700 });
      const path = pathOf(key);
      try {
        await pipeline(body, createWriteStream(path, { mode: 0o600 }));
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
      return { key, size: (await stat(path)).size };
    },
    get(key) {
      return createReadStream(pathOf(key));
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
