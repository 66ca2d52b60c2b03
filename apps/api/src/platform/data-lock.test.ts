import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirBusyError } from './data-lock.js';

describe('embedded database lock', () => {
  it('refuses a second holder with a message naming the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uh-lock-'));
    const release = acquireDataLock(dir, { purpose: 'the UnionHub server', port: 3000 });
    try {
      expect(() => acquireDataLock(dir, { purpose: 'the CLI' })).toThrow(DataDirBusyError);
      expect(() => acquireDataLock(dir, { purpose: 'the CLI' })).toThrow(
        /the UnionHub server \(pid \d+, http:\/\/localhost:3000\)/,
      );
    } finally {
      release();
    }
    acquireDataLock(dir, { purpose: 'the CLI' })();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'uh-lock-'));
    writeFileSync(join(dir, 'db.lock'), JSON.stringify({ pid: 2 ** 22 + 17, purpose: 'old', startedAt: '' }));
    const release = acquireDataLock(dir, { purpose: 'new' });
    release();
  });
});
