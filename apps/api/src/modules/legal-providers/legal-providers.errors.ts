import { AppError } from '../../platform/errors.js';
import type { SlotView } from './legal-providers.repository.js';
import { chinaTimeText } from './legal-providers.week.js';

export const providerNotFound = (id: number, path?: string) =>
  new AppError(
    'LEGAL_PROVIDER_NOT_FOUND',
    `Legal provider ${id} not found`,
    path ? [{ path, message: 'no such lawyer or volunteer in your unions' }] : [],
  );

export const licenceTaken = (licenceNo: string) =>
  new AppError('LEGAL_LICENCE_TAKEN', `Licence number ${licenceNo} is already registered`, [
    { path: 'body.licenceNo', message: '该执业证号已登记' },
  ]);

export const licenceInvalid = (kind: string) =>
  new AppError('VALIDATION_FAILED', '律师执业证号应为 17 位数字', [
    {
      path: 'body.licenceNo',
      message:
        kind === 'lawyer'
          ? '律师执业证号应为 17 位数字'
          : 'a volunteer’s licence number, if any, is 17 digits',
      rule: 'legal.licence_no',
    },
  ]);

export const slotNotFound = (id: number) => new AppError('DUTY_SLOT_NOT_FOUND', `Duty slot ${id} not found`);

/** 409 naming the slot in the way: its union and its time, as the scheduler reads them. */
export const slotOverlap = (providerName: string, other: SlotView) => {
  const when = `${chinaTimeText(other.startsAt)}–${chinaTimeText(other.endsAt)}`;
  return new AppError(
    'DUTY_SLOT_OVERLAP',
    `${providerName}在${other.orgName} ${when} 已有值班`,
    [{ path: 'body.startsAt', message: `与${other.orgName} ${when} 的值班重叠` }],
    {
      slot: {
        id: other.id,
        orgId: other.orgId,
        orgName: other.orgName,
        startsAt: other.startsAt.toISOString(),
        endsAt: other.endsAt.toISOString(),
      },
    },
  );
};
