import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type Database, isDatabaseUnavailable, migrationsFolder, runMigrations } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { backupInvalid, restoreTargetNotEmpty } from './backup.errors.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupMigration,
  BackupReader,
  encodeBackup,
} from './backup.format.js';
import {
  type CatalogTable,
  copyTarget,
  findNonEmptyTable,
  listAppliedMigrations,
  listTables,
  lockTables,
  resetSequences,
  serverVersion,
  tableStats,
} from './backup.repository.js';
import { type BackupSession, inBackupSession } from './backup.session.js';

export interface BackupSummary {
  tables: { name: string; rows: number; checksum: string }[];
  migrations: number;
  createdAt: string;
  engine: string;
}

/** Fast levels compress COPY text nearly as well as the default at a fraction of the time. */
const GZIP_LEVEL = 3;

/**
 * Writes every table of schema `public` and the applied migrations to `file`, from one
 * consistent snapshot. The file appears only once complete, so a failed run leaves none behind.
 */
export async function createBackup(database: Database, file: string): Promise<BackupSummary> {
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  try {
    const header = await inBackupSession(database, 'snapshot', async (session) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        engine: database.engine,
        serverVersion: await serverVersion(session),
        migrations: await listAppliedMigrations(session),
        tables: [],
      };
      for (const table of await listTables(session))
        header.tables.push({
          name: table.name,
          columns: table.columns,
          ...(await tableStats(session, table.name, table.columns)),
        });
      await pipeline(
        encodeBackup(header, (table) => session.copyOut(copyTarget(table.name, table.columns))),
        createGzip({ level: GZIP_LEVEL }),
        // The data holds personal information: readable by the owner only.
        createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      );
      return header;
    });
    await rename(partial, file);
    return summaryOf(header);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

/**
 * Loads a backup into an empty database of either engine, in one transaction: the rows, then
 * the identity sequences, then a recount and checksum of every table against the header. Any
 * problem rolls everything back. A blank database is migrated first.
 */
export async function restoreBackup(database: Database, file: string): Promise<BackupSummary> {
  const reader = await BackupReader.open(file);
  try {
    const { header } = reader;
    assertKnownMigrations(header.migrations, readMigrationFiles({ migrationsFolder }));
    // Checked before migrating too, so that a refused restore leaves even the schema as it was.
    await inBackupSession(database, 'snapshot', (session) => assertEmpty(session));
    await runMigrations(database);
    await inBackupSession(database, 'write', async (session) => {
      const target = await listTables(session);
      assertSchemaFits(header, target);
      assertMigrationPrefix(header.migrations, await listAppliedMigrations(session));
      await lockTables(
        session,
        target.map((t) => t.name),
      );
      await assertEmpty(session, target);

      for (const table of header.tables) {
        await reader.beginTable(table.name);
        try {
          await session.copyIn(copyTarget(table.name, table.columns), reader.tableData());
        } catch (err) {
          throw asLoadError(table.name, err);
        }
      }
      await reader.finish();
      await resetSequences(session, target);

      const mismatches: { path: string; message: string }[] = [];
      for (const table of header.tables) {
        const loaded = await tableStats(session, table.name, table.columns);
        if (loaded.rows !== table.rows)
          mismatches.push({
            path: table.name,
            message: `${loaded.rows} rows loaded, ${table.rows} expected`,
          });
        else if (loaded.checksum !== table.checksum)
          mismatches.push({ path: table.name, message: 'checksum differs' });
      }
      if (mismatches.length)
        throw backupInvalid('The restored data does not match the backup; nothing was restored', mismatches);
    });
    return summaryOf(header);
  } finally {
    reader.close();
  }
}

async function assertEmpty(session: BackupSession, tables?: CatalogTable[]): Promise<void> {
  const names = (tables ?? (await listTables(session))).map((t) => t.name);
  const occupied = await findNonEmptyTable(session, names);
  if (occupied) throw restoreTargetNotEmpty(occupied);
}

function summaryOf(header: BackupHeader): BackupSummary {
  return {
    tables: header.tables.map(({ name, rows, checksum }) => ({ name, rows, checksum })),
    migrations: header.migrations.length,
    createdAt: header.createdAt,
    engine: header.engine,
  };
}

/** Checked before anything is touched: a backup from a newer build needs tables this one cannot create. */
function assertKnownMigrations(backup: BackupMigration[], build: { hash: string }[]): void {
  if (backup.length > build.length)
    throw backupInvalid(
      `The backup was made by a newer version of UnionHub (${backup.length} migrations; this version has ${build.length}). Restore it with that version or a later one.`,
    );
  backup.forEach((migration, i) => {
    if (migration.hash !== build[i]?.hash)
      throw backupInvalid(
        `Migration ${i + 1} of the backup differs from this version's; the backup comes from an incompatible build`,
      );
  });
}

function assertMigrationPrefix(backup: BackupMigration[], applied: BackupMigration[]): void {
  backup.forEach((migration, i) => {
    if (migration.hash !== applied[i]?.hash)
      throw backupInvalid(
        `Migration ${i + 1} of the backup is not applied in the target database; its schema does not match`,
      );
  });
}

/**
 * Tables and columns must exist in the target. A backup from an older version may lack tables
 * or columns added since; those stay empty or take their defaults.
 */
function assertSchemaFits(header: BackupHeader, target: CatalogTable[]): void {
  const byName = new Map(target.map((t) => [t.name, t]));
  const seen = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  for (const table of header.tables) {
    const existing = byName.get(table.name);
    if (seen.has(table.name)) problems.push({ path: table.name, message: 'listed twice' });
    else if (!existing) problems.push({ path: table.name, message: 'no such table in this database' });
    else if (table.columns.length === 0 || new Set(table.columns).size !== table.columns.length)
      problems.push({ path: table.name, message: 'column list is empty or repeats a column' });
    else
      for (const column of table.columns)
        if (!existing.columns.includes(column))
          problems.push({ path: `${table.name}.${column}`, message: 'no such column in this database' });
    seen.add(table.name);
  }
  if (problems.length) throw backupInvalid('The backup does not fit this database schema', problems);
}

function asLoadError(table: string, err: unknown): unknown {
  if (err instanceof AppError || isDatabaseUnavailable(err)) return err;
  return backupInvalid(`Table "${table}" could not be loaded from the backup: ${(err as Error).message}`, [
    { path: table, message: (err as Error).message },
  ]);
}
