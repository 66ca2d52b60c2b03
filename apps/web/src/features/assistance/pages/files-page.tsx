import { FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  HardshipCause,
  HardshipFileQuery,
  HardshipFileSummary,
  HardshipTier,
} from '@unionhub/contracts';
import { HardshipCauses, HardshipTiers } from '@unionhub/contracts';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { listFiles, yuan } from '../api';
import { FileFormModal } from '../components/file-form-modal';
import { TierTag } from '../components/tags';

type Filters = Pick<HardshipFileQuery, 'tier' | 'cause' | 'recheck' | 'q' | 'state' | 'watched'>;
/** The 跟踪 select: a re-check filter, or closed files still watched. */
type Follow = NonNullable<HardshipFileQuery['recheck']> | 'watched';
type FormValues = Omit<Filters, 'recheck' | 'watched'> & { follow?: Follow };

/** Filters from the address (a reminder links to `?recheck=overdue`). */
function filtersFrom(params: URLSearchParams): Filters {
  const recheck = params.get('recheck');
  if (recheck === 'due' || recheck === 'overdue') return { recheck };
  if (params.get('watched') === 'true') return { watched: true };
  return {};
}

/** 困难职工档案: files of the subtree by tier, cause and re-check due; a new file. */
export function FilesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => filtersFrom(params));
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: HardshipFileSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    setError(null);
    listFiles({ ...filters, page, pageSize: 20 }).then(setData, setError);
  }, [filters, page]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <FolderOpenOutlined /> {t('assistance.filesTitle')}
      </Typography.Title>
      <Card>
        <Form<FormValues>
          layout="inline"
          className="uh-filters"
          initialValues={{ follow: filters.watched ? 'watched' : filters.recheck }}
          onFinish={({ follow, ...v }) => {
            const next: Filters = Object.fromEntries(
              Object.entries(v).filter(([, x]) => x !== undefined && x !== ''),
            );
            if (follow === 'watched') next.watched = true;
            else if (follow) next.recheck = follow;
            setFilters(next);
            setParams(follow ? (follow === 'watched' ? { watched: 'true' } : { recheck: follow }) : {}, {
              replace: true,
            });
            setPage(1);
          }}
        >
          <Form.Item name="tier">
            <Select
              allowClear
              placeholder={t('assistance.allTiers')}
              style={{ width: 160 }}
              options={HardshipTiers.map((x) => ({ value: x, label: t(`assistance.tiers.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="cause">
            <Select
              allowClear
              placeholder={t('assistance.allCauses')}
              style={{ width: 120 }}
              options={HardshipCauses.map((x) => ({ value: x, label: t(`assistance.causes.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="follow">
            <Select
              allowClear
              placeholder={t('assistance.recheckDue')}
              style={{ width: 150 }}
              options={(['due', 'overdue', 'watched'] as const).map((x) => ({
                value: x,
                label: t(`assistance.recheckFilter.${x}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('assistance.searchName')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('assistance.search')}
            </Button>
          </Form.Item>
        </Form>
        <div className="uh-table-toolbar">
          <Typography.Text type="secondary">
            {t('assistance.total', { total: data?.total ?? 0 })}
          </Typography.Text>
          {me.permissions.includes('assistance.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('assistance.newFile')}
            </Button>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<HardshipFileSummary>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('assistance.no'),
              dataIndex: 'id',
              width: 70,
              render: (id: number) => <Link to={`/admin/assistance/files/${id}`}>{id}</Link>,
            },
            {
              title: t('assistance.name'),
              dataIndex: 'memberName',
              render: (n: string, f) => <Link to={`/admin/assistance/files/${f.id}`}>{n}</Link>,
            },
            { title: t('assistance.idNumber'), dataIndex: 'memberIdMasked' },
            { title: t('assistance.union'), dataIndex: ['org', 'name'] },
            {
              title: t('assistance.tier'),
              dataIndex: 'tier',
              render: (tier: HardshipTier | null) => <TierTag tier={tier} />,
            },
            {
              title: t('assistance.causesLabel'),
              dataIndex: 'causes',
              render: (c: HardshipCause[]) => c.map((x) => t(`assistance.causes.${x}`)).join('、'),
            },
            {
              title: t('assistance.income'),
              dataIndex: 'incomePerPersonFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.recheckDue'),
              dataIndex: 'recheckDueOn',
              render: (d: string | null, f) => (
                <Space size={4}>
                  {f.state === 'open' ? (d ?? '—') : <Tag>{t(`assistance.fileStates.${f.state}`)}</Tag>}
                  {f.recheckOverdue ? <Tag color="red">{t('assistance.overdue')}</Tag> : null}
                  {f.watched ? (
                    <Tag color="gold">{t('assistance.watchUntil', { date: f.watchUntil })}</Tag>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <FileFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/admin/assistance/files/${id}`)}
      />
    </div>
  );
}
