import type { BackupMigration } from './backup.format.js';
import type { BackupSession } from './backup.session.js';

/** A table of schema `public` as the catalog describes it at run time. */
export interface CatalogTable {
  name: string;
  /** Stored columns in column order; generated columns are left out because COPY cannot load them. */
  columns: string[];
  /** Columns whose values come from an owned sequence (identity or serial). */
  sequenceColumns: string[];
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export const qualified = (table: string) => `public.${quoteIdent(table)}`;

export const copyTarget = (table: string, columns: string[]) =>
  `${qualified(table)} (${columns.map(quoteIdent).join(', ')})`;

/** Every ordinary table in `public` except those an extension owns, parents before children. */
export async function listTables(session: BackupSession): Promise<CatalogTable[]> {
  const columns = await session.query<{ table_name: string; column_name: string; has_sequence: boolean }>(
    `select c.relname as table_name, a.attname as column_name,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null as has_sequence
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind = 'r'
        and not exists (select 1 from pg_depend d
                         where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
      order by c.relname, a.attnum`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    let table = tables.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], sequenceColumns: [] };
      tables.set(row.table_name, table);
    }
    table.columns.push(row.column_name);
    if (row.has_sequence) table.sequenceColumns.push(row.column_name);
  }
  const references = await session.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class p on p.oid = k.confrelid
       join pg_namespace cn on cn.oid = c.relnamespace
       join pg_namespace pn on pn.oid = p.relnamespace
      where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public' and c.oid <> p.oid`,
  );
  return orderByReferences([...tables.values()], references);
}

/**
 * Foreign keys here are not deferrable, so a table is loaded only after every table it refers
 * to. A table referring to itself (orgs.parent_id) needs nothing: one COPY statement checks its
 * keys at the end of the statement. Ties go by name so the order is the same on every run.
 */
export function orderByReferences<T extends { name: string }>(
  tables: T[],
  references: { child: string; parent: string }[],
): T[] {
  const waitingOn = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent) waitingOn.get(child)?.add(parent);
  const ordered: T[] = [];
  let remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (remaining.length) {
    const done = new Set(ordered.map((t) => t.name));
    const ready = remaining.filter((t) =>
      [...(waitingOn.get(t.name) ?? [])].every((p) => done.has(p) || !waitingOn.has(p)),
    );
    if (ready.length === 0)
      throw new Error(
        `Tables ${remaining.map((t) => t.name).join(', ')} refer to each other in a cycle; no load order satisfies their foreign keys`,
      );
    ordered.push(...ready);
    remaining = remaining.filter((t) => !ready.includes(t));
  }
  return ordered;
}

/**
 * Row count and an order-independent digest: the sum of each row's MD5 (two 60-bit halves),
 * hashed once more. It needs no sort and no giant string, so it works the same on millions of
 * rows and on both engines, given the pinned session settings.
 */
export async function tableStats(
  session: BackupSession,
  table: string,
  columns: string[],
): Promise<{ rows: number; checksum: string }> {
  const [row] = await session.query<{ rows: string; checksum: string }>(
    `select count(*)::text as rows,
            md5(coalesce(sum(('x' || substr(h, 1, 15))::bit(60)::bigint), 0)::text || ':' ||
                coalesce(sum(('x' || substr(h, 16, 15))::bit(60)::bigint), 0)::text) as checksum
       from (select md5(row(${columns.map(quoteIdent).join(', ')})::text) as h from ${qualified(table)}) rows_md5`,
  );
  if (!row) throw new Error(`No statistics for table ${table}`);
  return { rows: Number(row.rows), checksum: row.checksum };
}

export async function listAppliedMigrations(session: BackupSession): Promise<BackupMigration[]> {
  const [present] = await session.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present?.ok) return [];
  const rows = await session.query<{ hash: string; created_at: string }>(
    'select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id',
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

export async function serverVersion(session: BackupSession): Promise<string> {
  const [row] = await session.query<{ v: string }>(`select current_setting('server_version') as v`);
  return row?.v ?? 'unknown';
}

/** Held until commit, so nothing writes into the tables between the emptiness check and the load. */
export async function lockTables(session: BackupSession, tables: string[]): Promise<void> {
  if (tables.length)
    await session.query(`LOCK TABLE ${tables.map(qualified).join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

export async function findNonEmptyTable(session: BackupSession, tables: string[]): Promise<string | null> {
  for (const table of tables) {
    const [row] = await session.query<{ found: boolean }>(
      `select exists (select 1 from ${qualified(table)}) as found`,
    );
    if (row?.found) return table;
  }
  return null;
}

/** COPY writes ids as given, leaving sequences at 1; the next insert must get an id above the restored ones. */
export async function resetSequences(session: BackupSession, tables: CatalogTable[]): Promise<void> {
  for (const table of tables)
    for (const column of table.sequenceColumns)
      await session.query(
        `select setval(pg_get_serial_sequence($1, $2), max(${quoteIdent(column)})) from ${qualified(table.name)}
          having max(${quoteIdent(column)}) is not null`,
        [`public.${quoteIdent(table.name)}`, column],
      );
}
