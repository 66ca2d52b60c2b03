import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  purpose: string;
  port?: number;
  startedAt: string;
}

export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by ${holder.purpose} (pid ${holder.pid}` +
        `${holder.port ? `, http://localhost:${holder.port}` : ''}). ` +
        'It belongs to one process at a time: stop that process first (Ctrl+C or kill -TERM), then run this command again.',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database folder belongs to one process: opening it twice corrupts it. Whoever opens
 * it takes DATA_DIR/db.lock first (atomic create); a lock left by a dead process is taken over.
 */
export function acquireDataLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  const file = join(dataDir, 'db.lock');
  const mine: LockInfo = { pid: process.pid, startedAt: new Date().toISOString(), ...info };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | null = null;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = null;
      }
      if (holder && alive(holder.pid)) throw new DataDirBusyError(dataDir, holder);
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
