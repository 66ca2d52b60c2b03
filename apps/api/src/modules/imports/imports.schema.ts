import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { staffUsers } from '../auth/auth.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * One roster upload: its file (by hash; the file itself lives in DATA_DIR/imports only while the
 * job reads it), the counts as validation goes, and whether and how it was committed.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The union chosen in the form: the default for rows that name none, and the scope of the history list. */
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    filename: text('filename').notNull(),
    format: text('format').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** Generated name of the uploaded file under DATA_DIR/imports; null once it is deleted. */
    storedFile: text('stored_file'),
    dryRun: boolean('dry_run').notNull(),
    mode: text('mode').notNull(),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    /** Share of the file read so far, 0–100 (by bytes: the row count is known only at the end). */
    progress: integer('progress').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    invalid: integer('invalid').notNull().default(0),
    alreadyRegistered: integer('already_registered').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    /** Why the job failed or was not committed: { code, message } in Chinese. */
    failure: jsonb('failure').$type<{ code: string; message: string }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('import_jobs_org_idx').on(t.orgId, t.createdAt),
    check(
      'import_jobs_status_check',
      sql`${t.status} in ('queued','validating','validated','committing','committed','failed','cancelled')`,
    ),
    check('import_jobs_mode_check', sql`${t.mode} in ('all_or_nothing','skip_invalid')`),
  ],
);

/**
 * Valid rows of a job, ready for `members`: the same derived, encrypted and hashed columns
 * createMember writes. Written by COPY; moved to `members` in one statement at commit and then
 * deleted. A scratch table: UNLOGGED (migration 0020: no WAL for rows that live minutes; a server
 * crash empties it, and a commit then finds fewer rows than the check counted and asks for the file
 * again), no foreign key to the job (checked per row, the job is the one writing) and one index in
 * file order (appended to, never split at random; the commit reads it in order).
 */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    rowNo: integer('row_no').notNull(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    namePinyin: text('name_pinyin').notNull(),
    nameInitials: text('name_initials').notNull(),
    idHash: bytea('id_hash').notNull(),
    idEnc: bytea('id_enc').notNull(),
    idMasked: text('id_masked').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    gender: text('gender').notNull(),
    phoneHash: bytea('phone_hash').notNull(),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    employerName: text('employer_name'),
    employerId: bigint('employer_id', { mode: 'number' }),
    /** The credit code as written (normalized), kept for the error report of an in-file duplicate. */
    creditCode: text('credit_code'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    categories: text('categories').array().notNull(),
  },
  (t) => [index('import_rows_job_row_idx').on(t.jobId, t.rowNo)],
);

/** Rows that cannot be imported: the problems, and the original cells sealed (they hold ID numbers). */
export const importErrors = pgTable(
  'import_errors',
  {
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    /** [{ column, message }] in Chinese, column being the template's header. */
    problems: jsonb('problems').notNull().$type<{ column: string; message: string }[]>(),
    /** AES-GCM envelope of the row's cells as JSON (string[] in template column order). */
    cellsEnc: bytea('cells_enc').notNull(),
  },
  (t) => [index('import_errors_job_idx').on(t.jobId, t.rowNo)],
);
