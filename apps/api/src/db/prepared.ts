import type { Db } from './client.js';

/**
 * A query built and prepared once per database handle, for the reads every request makes (the
 * session check) and the hottest lookups: drizzle builds its SQL once, and PostgreSQL parses and
 * plans a named statement once per connection instead of at every call. A transaction's handle is
 * short-lived, so queries on it are prepared afresh (and forgotten with it).
 */
export function preparedPerDb<P>(build: (db: Db) => P): (db: Db) => P {
  const cache = new WeakMap<Db, P>();
  return (db) => {
    let prepared = cache.get(db);
    if (!prepared) {
      prepared = build(db);
      cache.set(db, prepared);
    }
    return prepared;
  };
}
