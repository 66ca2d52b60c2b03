import { AppError } from '../../platform/errors.js';

export const backupInvalid = (message: string, details: { path: string; message: string }[] = []) =>
  new AppError('BACKUP_INVALID', message, details);

export const restoreTargetNotEmpty = (table: string) =>
  new AppError(
    'RESTORE_TARGET_NOT_EMPTY',
    `Restore needs an empty database, but table "${table}" already holds rows; restore into a new database instead`,
    [{ path: table, message: 'table is not empty' }],
    { table },
  );
