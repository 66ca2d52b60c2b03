import type {
  ImportJob,
  ImportJobSummary,
  ImportMode,
  ImportProblem,
  ImportStatus,
} from '@unionhub/contracts';
import type { ImportJobWithOrg } from './imports.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Internal fields (the stored file's name) never leave; the report link appears once there are bad rows. */
export function presentImportSummary(job: ImportJobWithOrg): ImportJobSummary {
  // Bad rows exist once checked, and until an unused import is cancelled.
  const checked = !['queued', 'validating', 'cancelled'].includes(job.status);
  return {
    id: job.id,
    orgId: job.orgId,
    orgName: job.orgName,
    filename: job.filename,
    format: job.format as ImportJob['format'],
    dryRun: job.dryRun,
    mode: job.mode as ImportMode,
    status: job.status as ImportStatus,
    total: job.total,
    processed: job.processed,
    progress: job.progress,
    valid: job.valid,
    invalid: job.invalid,
    alreadyRegistered: job.alreadyRegistered,
    imported: job.imported,
    failure: job.failure ?? null,
    errorReportUrl: checked && job.invalid > 0 ? `/api/v1/imports/${job.id}/error-report` : null,
    createdBy: job.createdByName,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    validatedAt: iso(job.validatedAt),
    finishedAt: iso(job.finishedAt),
  };
}

export function presentImport(job: ImportJobWithOrg, errors: ImportProblem[]): ImportJob {
  return { ...presentImportSummary(job), errors };
}
