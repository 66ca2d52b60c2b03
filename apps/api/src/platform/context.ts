import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config/config.js';
import type { Database, Db } from '../db/client.js';
import type { EmailSender } from './email.js';
import type { Pii } from './pii.js';
import type { SmsSender } from './sms.js';
import type { FileStore } from './storage.js';

/** Time as the application sees it; tests replace it to move through deadlines. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a service needs from the outside world, built once at start. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  pii: Pii;
  clock: Clock;
  sms: SmsSender;
  email: EmailSender;
  files: FileStore;
  log: FastifyBaseLogger;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}
