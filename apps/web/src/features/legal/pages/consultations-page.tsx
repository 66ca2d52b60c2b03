import { MessageOutlined } from '@ant-design/icons';
import type { ConsultationState, ConsultationSummary, LegalField } from '@unionhub/contracts';
import { ConsultationStates, LegalFields } from '@unionhub/contracts';
import { App, Button, Card, Checkbox, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { getSettings, listConsultations, updateSettings } from '../api';
import { chinaDateTime, STATE_COLORS } from '../format';

interface Filters {
  orgId?: number;
  state?: ConsultationState;
  field?: LegalField;
  open?: boolean;
}

/** The pick-up time of the caller's union, changed in place by those who manage legal services. */
function PickupTimeout({ orgId, canEdit }: { orgId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [minutes, setMinutes] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  useEffect(() => {
    getSettings(orgId).then(
      (s) => setMinutes(s.pickupTimeoutMinutes),
      () => setMinutes(null),
    );
  }, [orgId]);
  if (minutes === null) return null;
  return (
    <Space>
      <Typography.Text type="secondary">{t('legal.consultations.timeout')}：</Typography.Text>
      {editing === null ? (
        <>
          <span data-testid="pickup-timeout">{t('legal.consultations.timeoutMinutes', { minutes })}</span>
          {canEdit && (
            <Button size="small" type="link" onClick={() => setEditing(minutes)}>
              {t('legal.consultations.timeoutEdit')}
            </Button>
          )}
        </>
      ) : (
        <>
          <InputNumber min={1} max={1440} value={editing} onChange={(v) => setEditing(v ?? 1)} size="small" />
          <Button
            size="small"
            type="primary"
            onClick={async () => {
              try {
                const s = await updateSettings(orgId, editing);
                setMinutes(s.pickupTimeoutMinutes);
                setEditing(null);
                void message.success(
                  t('legal.consultations.timeoutSaved', { minutes: s.pickupTimeoutMinutes }),
                );
              } catch (err) {
                void message.error(describeError(err, t).message);
              }
            }}
          >
            {t('common.save')}
          </Button>
          <Button size="small" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </Button>
        </>
      )}
    </Space>
  );
}

/** 咨询管理: consultations held by the unions of the subtree; those nobody on duty took come first, in red. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({ open: true });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ConsultationSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    listConsultations({
      ...(filters.orgId ? { orgId: filters.orgId } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      ...(filters.field ? { field: filters.field } : {}),
      ...(filters.open ? { open: true } : {}),
      page,
      pageSize: 20,
    }).then(setData, setError);
  }, [filters, page]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <MessageOutlined /> {t('legal.consultations.title')}
      </Typography.Title>
      <Card>
        <div className="uh-table-toolbar">
          {me.org ? (
            <PickupTimeout orgId={me.org.id} canEdit={me.permissions.includes('legal.manage')} />
          ) : null}
        </div>
        <Form<Filters>
          name="consultation-filters"
          layout="inline"
          className="uh-filters"
          initialValues={filters}
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Form.Item name="orgId">
            <OrgSearchSelect allowClear placeholder={t('legal.consultations.union')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="state">
            <Select
              allowClear
              placeholder={t('legal.consultations.allStates')}
              style={{ width: 130 }}
              options={ConsultationStates.map((s) => ({ value: s, label: t(`legal.states.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="field">
            <Select
              allowClear
              placeholder={t('legal.allFields')}
              style={{ width: 150 }}
              options={LegalFields.map((f) => ({ value: f, label: t(`legal.fields.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="open" valuePropName="checked">
            <Checkbox>{t('legal.consultations.openOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('legal.consultations.search')}
            </Button>
          </Form.Item>
        </Form>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<ConsultationSummary>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          rowClassName={(r) => (r.state === 'waiting' ? 'uh-row-alert' : '')}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('legal.consultations.total', { total }),
          }}
          columns={[
            { title: t('legal.workspace.no'), dataIndex: 'id', width: 70 },
            {
              title: t('legal.workspace.question'),
              dataIndex: 'excerpt',
              render: (text: string, r) => <Link to={`/admin/legal/consultations/${r.id}`}>{text}</Link>,
            },
            {
              title: t('legal.workspace.field'),
              dataIndex: 'field',
              width: 110,
              render: (f: string) => t(`legal.fields.${f}`),
            },
            {
              title: t('legal.consultations.union'),
              key: 'org',
              width: 150,
              render: (_: unknown, r) => r.org.name,
            },
            {
              title: t('legal.consultations.lawyer'),
              key: 'lawyer',
              width: 100,
              render: (_: unknown, r) => r.lawyer?.name ?? t('legal.consultations.unassigned'),
            },
            {
              title: t('legal.workspace.askedAt'),
              dataIndex: 'askedAt',
              width: 120,
              render: (iso: string) => chinaDateTime(iso),
            },
            {
              title: t('legal.workspace.state'),
              dataIndex: 'state',
              width: 130,
              render: (s: ConsultationState) => (
                <Space size={4}>
                  <Tag color={STATE_COLORS[s]}>{t(`legal.states.${s}`)}</Tag>
                  {s === 'waiting' ? <Tag color="red">{t('legal.consultations.waitingTag')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
