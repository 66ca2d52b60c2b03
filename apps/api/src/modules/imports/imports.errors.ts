import { AppError } from '../../platform/errors.js';

export const importNotFound = (id: number) => new AppError('IMPORT_NOT_FOUND', `Import ${id} not found`);

/** The upload cannot be read as a roster; the message (Chinese, shown to the uploader) says why. */
export const fileInvalid = (why: string, meta?: Record<string, unknown>) =>
  new AppError('IMPORT_FILE_INVALID', why, [{ path: 'body.file', message: why, rule: 'import.file' }], meta);

export const fileTooLarge = (limitBytes: number) =>
  new AppError(
    'IMPORT_FILE_TOO_LARGE',
    `文件超过 ${Math.floor(limitBytes / 1024 / 1024)} MB 的上限，请拆分后分批导入`,
    [{ path: 'body.file', message: `larger than ${limitBytes} bytes`, rule: 'import.file_size' }],
    { limitBytes },
  );

export const importNotReady = (status: string) =>
  new AppError('IMPORT_NOT_READY', `The import is ${status}; only a validated import can be committed`, [], {
    status,
    allowed: status === 'validated' ? ['commit'] : [],
  });

export const importHasErrors = (invalid: number) =>
  new AppError(
    'IMPORT_HAS_ERRORS',
    `${invalid} rows have errors; with all_or_nothing nothing is imported (choose skip_invalid to import the valid rows)`,
    [],
    { invalid },
  );
