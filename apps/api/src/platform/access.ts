import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { StaffActor } from './actor.js';

/**
 * Authorization, second level: the record's org scope. A staff user acts on its own org's
 * subtree; anything outside answers "not found" (404), never "forbidden", so that the existence
 * of other unions' records is not revealed.
 */
export function inScope(actor: StaffActor, pathColumn: AnyPgColumn | SQL): SQL {
  return sql`${pathColumn} <@ ${actor.orgPath}::ltree`;
}

/** True when a path lies within the actor's subtree (both as ltree text, e.g. "1.17.305"). */
export function pathInScope(actor: StaffActor, path: string): boolean {
  return path === actor.orgPath || path.startsWith(`${actor.orgPath}.`);
}
