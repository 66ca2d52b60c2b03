import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { type Database, openPglite, openPostgres, runMigrations } from '../db/client.js';
import { AdjustableClock, type AppContext } from '../platform/context.js';
import type { EmailMessage, EmailSender } from '../platform/email.js';
import { createPii } from '../platform/pii.js';
import type { SmsMessage, SmsSender } from '../platform/sms.js';
import { createDiskFileStore } from '../platform/storage.js';
import { withDatabase } from './global-setup.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgRun?: string;
  }
}

/** A clock tests can move: it runs with real time from a settable offset. */
export class TestClock extends AdjustableClock {
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export class MemorySms implements SmsSender {
  readonly sent: SmsMessage[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
  }
  lastCode(phone: string): string {
    const msg = [...this.sent].reverse().find((m) => m.phone === phone);
    if (!msg?.params.code) throw new Error(`No code sent to ${phone}`);
    return msg.params.code;
  }
}

export class MemoryEmail implements EmailSender {
  readonly sent: EmailMessage[] = [];
  /** Set to make the next sends fail, as an unreachable relay would. */
  failing = false;
  async send(message: EmailMessage): Promise<void> {
    if (this.failing) throw new Error('relay unreachable');
    this.sent.push(message);
  }
}

export interface TestEnv {
  ctx: AppContext;
  app: FastifyInstance;
  clock: TestClock;
  sms: MemorySms;
  email: MemoryEmail;
  database: Database;
  close(): Promise<void>;
}

let fileCounter = 0;

/** Opens a fresh, migrated database on the engine under test. */
export async function openTestDatabase(opts: { wrapUrl?: (url: string) => string } = {}): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const run = inject('pgRun');
  if (!url || !run) {
    const database = await openPglite(undefined);
    await runMigrations(database);
    return database;
  }
  const name = `${run}_${process.pid}_${++fileCounter}_${randomBytes(2).toString('hex')}`;
  const admin = await openPostgres({ url, poolMax: 1 });
  await admin.query(`create database ${name} template ${run}_tpl`);
  await admin.close();
  const target = withDatabase(url, name);
  return openPostgres({ url: opts.wrapUrl ? opts.wrapUrl(target) : target, poolMax: 5 });
}

/** A whole application on a fresh database, with a movable clock and an in-memory SMS outbox. */
export async function createTestEnv(
  opts: { rateLimit?: boolean; wrapUrl?: (url: string) => string; env?: Record<string, string> } = {},
): Promise<TestEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'uh-test-'));
  const config = loadConfig({
    ...opts.env,
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'never',
  });
  const database = await openTestDatabase(opts.wrapUrl ? { wrapUrl: opts.wrapUrl } : {});
  const clock = new TestClock();
  const sms = new MemorySms();
  const email = new MemoryEmail();
  const silent = {
    info() {},
    warn() {},
    error() {},
    debug() {},
    fatal() {},
    trace() {},
    child: () => silent,
    level: 'silent',
    silent() {},
  };
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    pii: createPii(config.secrets),
    clock,
    sms,
    email,
    files: createDiskFileStore(join(dataDir, 'files')),
    log: silent as unknown as AppContext['log'],
  };
  const app = await buildApp(ctx, { logger: false, rateLimit: opts.rateLimit ?? false });
  await app.ready();
  return {
    ctx,
    app,
    clock,
    sms,
    email,
    database,
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
