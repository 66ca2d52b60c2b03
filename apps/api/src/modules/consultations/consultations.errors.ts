import { AppError } from '../../platform/errors.js';

export const consultationNotFound = (id: number) =>
  new AppError('CONSULTATION_NOT_FOUND', `Consultation ${id} not found`);

export const badTransition = (state: string, action: string, allowed: string[]) =>
  new AppError('CONSULTATION_BAD_TRANSITION', `A ${state} consultation cannot take “${action}”`, [], {
    state,
    allowed,
  });

export const faqNotFound = (id: number) => new AppError('FAQ_NOT_FOUND', `FAQ entry ${id} not found`);

export const faqAlreadyReviewed = (status: string) =>
  new AppError('FAQ_BAD_TRANSITION', `This entry is ${status} already`, [], { status });
