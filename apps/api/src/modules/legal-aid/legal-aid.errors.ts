import { AppError } from '../../platform/errors.js';

export const legalAidNotFound = (id: number) =>
  new AppError('LEGAL_AID_NOT_FOUND', `Legal-aid case ${id} not found`);

export const providerNotUsable = (id: number) =>
  new AppError('LEGAL_PROVIDER_NOT_FOUND', `Legal provider ${id} not found among those this union may use`);

export const alreadyRequested = (requestId: number) =>
  new AppError(
    'LEGAL_AID_ALREADY_REQUESTED',
    `This consultation already became legal-aid request ${requestId}`,
    [{ path: 'params.id', message: `已申请法律援助（第 ${requestId} 号申请）` }],
    { requestId },
  );

export const outcomeMissing = (requestId: number) =>
  new AppError(
    'LEGAL_AID_OUTCOME_MISSING',
    `Legal-aid request ${requestId} cannot be completed before the lawyer records the outcome`,
    [{ path: 'legalAid.outcome', message: '承办律师尚未登记案件结果和追回金额' }],
  );

export const caseClosed = (requestId: number) =>
  new AppError('LEGAL_AID_CLOSED', `Legal-aid case ${requestId} already has its outcome recorded`);

export const caseNotOpen = (requestId: number, state: string) =>
  new AppError(
    'REQUEST_BAD_TRANSITION',
    `Legal-aid request ${requestId} is ${state}: only an accepted request in progress can be worked on`,
    [],
    { state },
  );
