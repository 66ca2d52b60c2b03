import type { Database } from '../../db/client.js';

/** The channel the database triggers of migration 0018 tell when a session, a staff user or org paths change. */
export const AUTH_CHANNEL = 'unionhub_auth';

/** Longest a cached caller is trusted without a word from the database, in case a message went astray. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;

interface Entry<T> {
  value: T;
  subject: string;
  cachedAt: number;
}

/**
 * Callers resolved from their session, kept in the process so that a request costs no database
 * read for authentication. Correct across processes because the database says what changed
 * (`NOTIFY` from triggers on sessions, staff users and org paths: logout, revocation, disabling,
 * roles, moves); this process also forgets at once what it changes itself. While the listening
 * connection is down, nothing is cached or served from the cache.
 *
 * A read that was under way when something changed is not cached (the generation moved), so a
 * revocation is never overwritten by an older read.
 */
export class PrincipalCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private gen = 0;
  private trusted = false;

  constructor(private readonly now: () => number = Date.now) {}

  get generation(): number {
    return this.gen;
  }

  get(sessionId: string): T | undefined {
    if (!this.trusted) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (this.now() - entry.cachedAt > MAX_AGE_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps `value` unless something changed since `generation` was read (before the database read). */
  set(sessionId: string, subject: string, value: T, generation: number): void {
    if (!this.trusted || generation !== this.gen) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { value, subject, cachedAt: this.now() });
  }

  forgetSession(sessionId: string): void {
    this.gen++;
    this.entries.delete(sessionId);
  }

  /** `subject` is `staff:<id>` or `member:<id>`. */
  forgetSubject(subject: string): void {
    this.gen++;
    for (const [sid, entry] of this.entries) if (entry.subject === subject) this.entries.delete(sid);
  }

  forgetAll(): void {
    this.gen++;
    this.entries.clear();
  }

  /** A message of the auth channel: `session:<id>`, `staff:<id>`, `member:<id>` or `all`. */
  hear(payload: string): void {
    if (payload.startsWith('session:')) this.forgetSession(payload.slice('session:'.length));
    else if (payload.startsWith('staff:') || payload.startsWith('member:')) this.forgetSubject(payload);
    else this.forgetAll();
  }

  trust(on: boolean): void {
    this.forgetAll();
    this.trusted = on;
  }

  get size(): number {
    return this.entries.size;
  }
}

const byDatabase = new WeakMap<Database, PrincipalCache<unknown>>();

/**
 * The one cache of a database handle (every app and service built on it shares it), listening
 * on the auth channel from its first use.
 */
export function principalCacheOf<T>(database: Database): PrincipalCache<T> {
  let cache = byDatabase.get(database);
  if (!cache) {
    const created = new PrincipalCache<unknown>();
    // The subscription ends when the database handle closes.
    database
      .listen(AUTH_CHANNEL, {
        message: (payload) => created.hear(payload),
        ready: () => created.trust(true),
        lost: () => created.trust(false),
      })
      .catch(() => created.trust(false));
    byDatabase.set(database, created);
    cache = created;
  }
  return cache as PrincipalCache<T>;
}

/** This process forgets the user's sessions at once (other processes hear the database's notice). */
export function forgetSignedInStaff(database: Database, staffUserId: number): void {
  byDatabase.get(database)?.forgetSubject(`staff:${staffUserId}`);
}

/** After org paths change (a subtree moved), every signed-in staff's scope is read again. */
export function forgetAllSignedIn(database: Database): void {
  byDatabase.get(database)?.forgetAll();
}
