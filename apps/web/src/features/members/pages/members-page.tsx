import { DownloadOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { type Member, MemberCategories, type MemberSort, MemberStatuses } from '@unionhub/contracts';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { exportMembers, listMembers } from '../api';
import { MemberDrawer } from '../components/member-drawer';
import { MemberFormModal } from '../components/member-form-modal';
import { buildMemberQuery, type MemberFilters } from '../query';

export const memberStatusColors: Record<Member['status'], string> = {
  active: 'green',
  transferred_out: 'blue',
  left: 'default',
  deceased: 'default',
};

/** 会员管理: the members of the caller's subtree, masked, filtered and paged by the server. */
export function MembersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<MemberFilters>();
  const [filters, setFilters] = useState<MemberFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<MemberSort | undefined>();
  const [data, setData] = useState<{ items: Member[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [exporting, setExporting] = useState(false);
  const can = (p: string) => me.permissions.includes(p as never);
  const navigate = useNavigate();

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listMembers(buildMemberQuery(filters, page, pageSize, sort))
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [filters, page, pageSize, sort]);
  useEffect(load, [load]);

  const download = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, sort: _o, ...query } = buildMemberQuery(filters, 1, 1);
      const file = await exportMembers(query);
      const name = file.filename ?? 'members.xlsx';
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      void message.success(t('members.exported', { name }));
    } catch (err) {
      void message.error({ content: describeError(err, t).message, duration: 8 });
      setError(err);
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (field: 'name' | 'joinedOn') =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <TeamOutlined /> {t('members.title')}
      </Typography.Title>
      <Card>
        <Form<MemberFilters>
          form={form}
          name="member-filters"
          layout="inline"
          className="uh-filters"
          onFinish={(values) => {
            setFilters(values);
            setPage(1);
          }}
        >
          <Form.Item name="q">
            <Input allowClear placeholder={t('members.keyword')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              allowClear
              placeholder={t('members.allStatuses')}
              style={{ width: 120 }}
              options={MemberStatuses.map((s) => ({ value: s, label: t(`members.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="category">
            <Select
              allowClear
              placeholder={t('members.allCategories')}
              style={{ width: 170 }}
              options={MemberCategories.map((c) => ({ value: c, label: t(`members.categoryNames.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="orgId">
            <OrgSearchSelect allowClear placeholder={t('members.allOrgs')} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('members.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                  setPage(1);
                }}
              >
                {t('members.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <div className="uh-table-toolbar">
          <Typography.Text type="secondary">
            {t('members.total', { total: data?.total ?? 0 })}
          </Typography.Text>
          <Space>
            {can('member.export') ? (
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
                {t('members.export')}
              </Button>
            ) : null}
            {can('member.write') ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/admin/members/import')}>
                {t('members.import')}
              </Button>
            ) : null}
            {can('member.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('members.add')}
              </Button>
            ) : null}
          </Space>
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<Member>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1240 }}
          locale={{ emptyText: t('members.empty') }}
          onRow={(m) => ({ onClick: () => setOpenId(m.id), className: 'uh-clickable-row' })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('members.total', { total }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = one?.field as 'name' | 'joinedOn' | undefined;
            setSort(
              one?.order && field
                ? ((one.order === 'descend' ? `-${field}` : field) as MemberSort)
                : undefined,
            );
          }}
          columns={[
            {
              title: t('members.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 100,
              sorter: true,
              sortOrder: sortOrder('name'),
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            {
              title: t('members.gender'),
              dataIndex: 'gender',
              width: 60,
              render: (g: Member['gender']) => t(`members.genders.${g}`),
            },
            { title: t('members.birthDate'), dataIndex: 'birthDate', width: 110 },
            { title: t('members.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
            { title: t('members.phone'), dataIndex: 'phoneMasked', width: 120 },
            {
              title: t('members.employer'),
              dataIndex: 'employerName',
              ellipsis: true,
              render: (v: string | null) => v ?? t('common.empty'),
            },
            { title: t('members.org'), dataIndex: 'orgName', ellipsis: true },
            {
              title: t('members.joinedOn'),
              dataIndex: 'joinedOn',
              width: 110,
              sorter: true,
              sortOrder: sortOrder('joinedOn'),
            },
            {
              title: t('members.status'),
              dataIndex: 'status',
              width: 80,
              render: (s: Member['status']) => (
                <Tag color={memberStatusColors[s]}>{t(`members.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: t('members.categories'),
              dataIndex: 'categories',
              width: 150,
              render: (list: Member['categories']) =>
                list.length
                  ? list.map((c) => <Tag key={c}>{t(`members.categoryNames.${c}`)}</Tag>)
                  : t('common.empty'),
            },
          ]}
        />
      </Card>
      <MemberFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(m) => {
          setAdding(false);
          void message.success(t('members.form.created', { name: m.name }));
          load();
        }}
      />
      <MemberDrawer memberId={openId} onClose={() => setOpenId(null)} onChanged={load} />
    </div>
  );
}
