import { AppError } from '../../platform/errors.js';

export const lectureNotFound = (id: number) => new AppError('LECTURE_NOT_FOUND', `Lecture ${id} not found`);

export const registrationNotFound = (id: number) => new AppError('NOT_FOUND', `Registration ${id} not found`);

export const lectureFull = (capacity: number) =>
  new AppError('LECTURE_FULL', `名额已满（共 ${capacity} 个座位）`, [], { capacity });

export const registrationClosed = (message: string, reason: string) =>
  new AppError('LECTURE_REGISTRATION_CLOSED', message, [], { reason });

export const checkinInvalid = (reason: string) =>
  new AppError('LECTURE_CHECKIN_INVALID', '签到二维码无效或已过期，请扫描现场大屏上的最新二维码', [
    { path: 'body.token', message: `the check-in token is ${reason}`, rule: `lecture_token.${reason}` },
  ]);
