import type { Db } from './client.js';

/**
 * Runs work in one transaction; the service that owns a use case calls this and passes the
 * handle to repositories. Nested calls reuse the outer transaction as a savepoint.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
