import type { AssistanceDetail } from '@unionhub/contracts';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';

type Person = AssistanceDetail['household'][number];

/** The household as staff see it: ID numbers masked unless the audited full view was asked for. */
export function HouseholdTable({ household }: { household: Person[] }) {
  const { t } = useTranslation();
  return (
    <Table<Person>
      rowKey={(p) => `${p.name}-${p.idMasked}`}
      size="small"
      pagination={false}
      dataSource={household}
      columns={[
        { title: t('assistance.name'), dataIndex: 'name' },
        {
          title: t('assistance.relationship'),
          dataIndex: 'relationship',
          render: (r: string) => t(`assistance.relationships.${r}`),
        },
        { title: t('assistance.idNumber'), key: 'id', render: (_: unknown, p) => p.idNumber ?? p.idMasked },
        {
          title: t('assistance.healthLabel'),
          dataIndex: 'health',
          render: (h: string) => t(`assistance.health.${h}`),
        },
        {
          title: t('assistance.jobLabel'),
          dataIndex: 'jobStatus',
          render: (j: string) => t(`assistance.jobs.${j}`),
        },
      ]}
    />
  );
}
