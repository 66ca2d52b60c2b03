import { MessageOutlined } from '@ant-design/icons';
import type { ConsultationField, ConsultationState, ConsultationSummary } from '@unionhub/contracts';
import { ConsultationFields, ConsultationStates } from '@unionhub/contracts';
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
  field?: ConsultationField;
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
      <Typography.Text type="secondary">{t('legalConsult.consultations.timeout')}：</Typography.Text>
      {editing === null ? (
        <>
          <span data-testid="pickup-timeout">
            {t('legalConsult.consultations.timeoutMinutes', { minutes })}
          </span>
          {canEdit && (
            <Button size="small" type="link" onClick={() => setEditing(minutes)}>
              {t('legalConsult.consultations.timeoutEdit')}
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
                  t('legalConsult.consultations.timeoutSaved', { minutes: s.pickupTimeoutMinutes }),
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
        <MessageOutlined /> {t('legalConsult.consultations.title')}
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
            <OrgSearchSelect
              allowClear
              placeholder={t('legalConsult.consultations.union')}
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item name="state">
            <Select
              allowClear
              placeholder={t('legalConsult.consultations.allStates')}
              style={{ width: 130 }}
              options={ConsultationStates.map((s) => ({ value: s, label: t(`legalConsult.states.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="field">
            <Select
              allowClear
              placeholder={t('legalConsult.allFields')}
              style={{ width: 150 }}
              options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="open" valuePropName="checked">
            <Checkbox>{t('legalConsult.consultations.openOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('legalConsult.consultations.search')}
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
            showTotal: (total) => t('legalConsult.consultations.total', { total }),
          }}
          columns={[
            { title: t('legalConsult.workspace.no'), dataIndex: 'id', width: 70 },
            {
              title: t('legalConsult.workspace.question'),
              dataIndex: 'excerpt',
              render: (text: string, r) => <Link to={`/admin/legal/consultations/${r.id}`}>{text}</Link>,
            },
            {
              title: t('legalConsult.workspace.field'),
              dataIndex: 'field',
              width: 110,
              render: (f: string) => t(`legalConsult.fields.${f}`),
            },
            {
              title: t('legalConsult.consultations.union'),
              key: 'org',
              width: 150,
              render: (_: unknown, r) => r.org.name,
            },
            {
              title: t('legalConsult.consultations.lawyer'),
              key: 'lawyer',
              width: 100,
              render: (_: unknown, r) => r.lawyer?.name ?? t('legalConsult.consultations.unassigned'),
            },
            {
              title: t('legalConsult.workspace.askedAt'),
              dataIndex: 'askedAt',
              width: 120,
              render: (iso: string) => chinaDateTime(iso),
            },
            {
              title: t('legalConsult.workspace.state'),
              dataIndex: 'state',
              width: 130,
              render: (s: ConsultationState) => (
                <Space size={4}>
                  <Tag color={STATE_COLORS[s]}>{t(`legalConsult.states.${s}`)}</Tag>
                  {s === 'waiting' ? (
                    <Tag color="red">{t('legalConsult.consultations.waitingTag')}</Tag>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
