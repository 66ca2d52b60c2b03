import type { Org } from '@unionhub/contracts';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { industryLabel, useIndustries } from '../../reference/components/industry-select';
import { useRegionName } from '../../reference/components/region-picker';

export function OrgDetail({ org, parent }: { org: Org; parent: Org | null }) {
  const { t } = useTranslation();
  const regionName = useRegionName(org.regionCode);
  const industries = useIndustries();
  const empty = t('common.empty');
  const or = (v: string | null | undefined) => v || empty;
  return (
    <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} size="small" className="uh-org-detail">
      <Descriptions.Item label={t('orgs.name')} span={2}>
        {org.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('orgs.level')}>{t(`orgLevels.${org.level}`)}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.kind')}>{t(`orgKinds.${org.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.formation')}>
        {org.formation ? t(`orgFormations.${org.formation}`) : empty}
      </Descriptions.Item>
      <Descriptions.Item label={t('orgs.status')}>
        <Tag color={org.status === 'active' ? 'green' : 'default'}>
          {t(`orgStatus.${org.status}`, { defaultValue: org.status })}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('orgs.regionCode')}>
        {org.regionCode ? (regionName ? `${regionName}（${org.regionCode}）` : org.regionCode) : empty}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.industryCode')}>
        {or(industryLabel(industries, org.industryCode))}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.chairName')} span={2}>
        {or(org.chairName)}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.contactName')}>{or(org.contactName)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.contactPhone')}>{or(org.contactPhone)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.address')} span={2}>
        {or(org.address)}
      </Descriptions.Item>
      <Descriptions.Item label={t('fields.foundedOn')}>{or(org.foundedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.childCount')}>
        {t('orgs.childCountValue', { count: org.childCount })}
      </Descriptions.Item>
      {parent && <Descriptions.Item label={t('orgs.parent')}>{parent.name}</Descriptions.Item>}
      <Descriptions.Item label={t('orgs.depth')}>
        {t('orgs.depthValue', { depth: org.depth })}
      </Descriptions.Item>
    </Descriptions>
  );
}
