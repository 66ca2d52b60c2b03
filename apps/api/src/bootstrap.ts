import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { Config } from './config/config.js';
import { type Database, openPglite, openPostgres, runMigrations } from './db/client.js';
import { AdjustableClock, type AppContext, type Clock, systemClock } from './platform/context.js';
import { acquireDataLock } from './platform/data-lock.js';
import { createOutboxEmailSender, type EmailSender } from './platform/email.js';
import { createPii } from './platform/pii.js';
import { createOutboxSmsSender, type SmsSender } from './platform/sms.js';
import { createDiskFileStore } from './platform/storage.js';

export interface OpenOptions {
  /** What holds the embedded database, shown to anyone who tries to open it meanwhile. */
  purpose: string;
  port?: number;
  migrate?: boolean;
  clock?: Clock;
  sms?: SmsSender;
  email?: EmailSender;
  log?: FastifyBaseLogger;
}

export interface Opened {
  ctx: AppContext;
  close(): Promise<void>;
}

export function createLogger(config: Config): FastifyBaseLogger {
  return pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', '*.password', '*.refreshToken'], remove: true },
  }) as unknown as FastifyBaseLogger;
}

/** Opens the configured database (locking the embedded folder), migrates, and builds the services' context. */
export async function openContext(config: Config, opts: OpenOptions): Promise<Opened> {
  const log = opts.log ?? createLogger(config);
  let release: (() => void) | undefined;
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres({
      url: config.databaseUrl,
      poolMax: config.dbPoolMax,
      onPoolError: (err) => log.warn({ err: err.message }, 'database connection lost; it will reconnect'),
    });
  } else {
    release = acquireDataLock(config.dataDir, {
      purpose: opts.purpose,
      ...(opts.port ? { port: opts.port } : {}),
    });
    try {
      database = await openPglite(join(config.dataDir, 'pg'));
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    if (opts.migrate !== false) await runMigrations(database);
  } catch (err) {
    await database.close();
    release?.();
    throw err;
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    pii: createPii(config.secrets),
    clock: opts.clock ?? (config.clockControl ? new AdjustableClock() : systemClock),
    sms: opts.sms ?? createOutboxSmsSender(config.dataDir, { echo: config.env === 'development' }),
    email: opts.email ?? createOutboxEmailSender(config.dataDir),
    files: createDiskFileStore(join(config.dataDir, 'files')),
    log,
  };
  return {
    ctx,
    async close() {
      await database.close();
      release?.();
    },
  };
}
