import type { ConsultationState } from '@unionhub/contracts';

/** antd-mobile tag colours of the consultation states as the member reads them. */
export const MOBILE_STATE_COLORS: Record<ConsultationState, string> = {
  waiting: 'warning',
  assigned: 'warning',
  picked: 'primary',
  answered: 'success',
  closed: 'default',
};

/** 11-23 03:05, China time. */
export const shortTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
