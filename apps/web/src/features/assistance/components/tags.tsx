import type { AssistanceState, HardshipTier } from '@unionhub/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATE_COLOR: Record<AssistanceState, string> = {
  reviewing: 'blue',
  returned: 'orange',
  approved: 'cyan',
  rejected: 'red',
  withdrawn: 'default',
  in_batch: 'purple',
  paid: 'green',
  failed: 'volcano',
};
const TIER_COLOR: Record<HardshipTier, string> = { deep: 'red', relative: 'orange', at_risk: 'gold' };

export function StateTag({ state }: { state: AssistanceState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`assistance.states.${state}`)}</Tag>;
}

export function TierTag({ tier }: { tier: HardshipTier | null }) {
  const { t } = useTranslation();
  return tier ? (
    <Tag color={TIER_COLOR[tier]}>{t(`assistance.tiers.${tier}`)}</Tag>
  ) : (
    <Tag>{t('assistance.tiers.none')}</Tag>
  );
}
