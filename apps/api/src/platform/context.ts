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

/**
 * System time shifted by an offset that can be set while the server runs, so browser journeys can
 * put the server at 3 a.m. or ten days ahead (`CLOCK_CONTROL`). Time keeps flowing after a set.
 */
export class AdjustableClock implements Clock {
  protected offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** Moves the clock to `at`, or back to system time when `at` is null. */
  set(at: Date | null): void {
    this.offsetMs = at === null ? 0 : at.getTime() - Date.now();
  }
}

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
