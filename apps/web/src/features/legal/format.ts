import type { ConsultationState } from '@unionhub/contracts';

/** Times in 法律服务 are China time whatever the browser's zone: the roster is kept in it. */
export const CHINA_TZ = 'Asia/Shanghai';

export const chinaDateTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: CHINA_TZ,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

export const chinaTime = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', {
    timeZone: CHINA_TZ,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

export const STATE_COLORS: Record<ConsultationState, string> = {
  waiting: 'red',
  assigned: 'orange',
  picked: 'blue',
  answered: 'green',
  closed: 'default',
};
