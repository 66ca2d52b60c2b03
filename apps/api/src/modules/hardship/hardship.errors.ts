import { AppError } from '../../platform/errors.js';

export const fileNotFound = (id: number) =>
  new AppError('HARDSHIP_FILE_NOT_FOUND', `Hardship file ${id} not found`);

export const fileExists = (existingId: number, state: string) =>
  new AppError(
    'HARDSHIP_FILE_EXISTS',
    `The member already has a hardship file (${existingId}, ${state}); one per household`,
    [
      {
        path: 'body.memberId',
        message: `已有困难职工档案（第 ${existingId} 号）`,
        rule: 'hardship.one_file',
      },
    ],
    { existingFileId: existingId, state },
  );

export const badFileState = (state: string, action: string) =>
  new AppError('HARDSHIP_BAD_STATE', `A ${state} file cannot be ${action}`, [], { state });
