import { FundOutlined } from '@ant-design/icons';
import type { AssistanceKind, BudgetView } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { getBudget, getLedger, type LedgerEntry, setBudget, yuan } from '../api';

type Line = BudgetView['lines'][number];

/** 资金预算: this union's budget per kind for a year, what approvals committed and paid, and the ledger. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('assistance.manage');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [budget, setBudgetView] = useState<BudgetView | null>(null);
  const [ledger, setLedger] = useState<LedgerEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Line | null>(null);
  const [form] = Form.useForm<{ amountYuan: number; note?: string }>();

  const load = useCallback(() => {
    if (!me.org) return;
    Promise.all([getBudget(me.org.id, year), getLedger(me.org.id, year)]).then(([b, l]) => {
      setBudgetView(b);
      setLedger(l.items);
    }, setError);
  }, [me.org, year]);
  useEffect(load, [load]);

  const save = async (v: { amountYuan: number; note?: string }) => {
    try {
      await setBudget({
        orgId: me.org!.id,
        year,
        kind: editing!.kind,
        amountFen: Math.round(v.amountYuan * 100),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      setEditing(null);
      void message.success(t('assistance.saved'));
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <FundOutlined /> {t('assistance.budgetsTitle')}
      </Typography.Title>
      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
      <Card
        title={budget ? `${budget.org.name} · ${year}` : t('assistance.budgetsTitle')}
        extra={
          <Space>
            {t('assistance.year')}
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
                value: y,
                label: y,
              }))}
            />
          </Space>
        }
      >
        <Table<Line>
          rowKey="kind"
          pagination={false}
          dataSource={budget?.lines ?? []}
          columns={[
            {
              title: t('assistance.kind'),
              dataIndex: 'kind',
              render: (k: AssistanceKind) => t(`assistance.kinds.${k}`),
            },
            {
              title: t('assistance.budget'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.committed'),
              dataIndex: 'committedFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.paid'),
              dataIndex: 'paidFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.remaining'),
              dataIndex: 'remainingFen',
              align: 'right',
              render: (v: number) => (
                <Typography.Text type={v <= 0 ? 'danger' : undefined}>{yuan(v)}</Typography.Text>
              ),
            },
            {
              key: 'edit',
              width: 110,
              render: (_: unknown, line) =>
                canManage ? (
                  <Button
                    type="link"
                    onClick={() => {
                      setEditing(line);
                      form.setFieldsValue({ amountYuan: line.amountFen / 100, note: '' });
                    }}
                  >
                    {t('assistance.setBudget')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('assistance.ledger')} style={{ marginTop: 16 }}>
        <Table<LedgerEntry>
          rowKey="id"
          size="small"
          dataSource={ledger}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: t('assistance.time'),
              dataIndex: 'createdAt',
              render: (d: string) => new Date(d).toLocaleString('zh-CN'),
            },
            {
              title: t('assistance.state'),
              dataIndex: 'entry',
              render: (e: LedgerEntry['entry']) => (
                <Tag color={e === 'payment' ? 'green' : 'blue'}>{t(`assistance.entries.${e}`)}</Tag>
              ),
            },
            {
              title: t('assistance.kind'),
              dataIndex: 'kind',
              render: (k: AssistanceKind) => t(`assistance.kinds.${k}`),
            },
            {
              title: t('assistance.amountYuan'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.balance'),
              dataIndex: 'balanceFen',
              align: 'right',
              render: (v: number | null) => yuan(v),
            },
            { title: t('assistance.note'), dataIndex: 'note' },
            { title: t('assistance.actor'), dataIndex: 'actorName' },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={
          editing ? `${t('assistance.setBudget')} · ${t(`assistance.kinds.${editing.kind}`)} · ${year}` : ''
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="budget" onFinish={(v) => void save(v)}>
          <Form.Item name="amountYuan" label={t('assistance.amountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} style={{ width: 220 }} addonAfter="元" />
          </Form.Item>
          <Form.Item name="note" label={t('assistance.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
