import { DownloadOutlined, WalletOutlined } from '@ant-design/icons';
import type { AssistanceKind, AssistanceSummary, Batch } from '@unionhub/contracts';
import { App, Button, Card, Drawer, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import {
  createBatch,
  exportBatch,
  getBatch,
  listApplications,
  listBatches,
  recordResults,
  saveFile,
  yuan,
} from '../api';

type BatchRow = Omit<Batch, 'items'>;
const BATCH_COLOR = { open: 'blue', exported: 'purple', done: 'green' } as const;
const ITEM_COLOR = { in_batch: 'purple', paid: 'green', failed: 'volcano' } as const;

/** 发放批次: pick approved applications this union pays, export the bank list, record each result. */
export function BatchesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('assistance.manage');
  const [payable, setPayable] = useState<AssistanceSummary[]>([]);
  const [batches, setBatches] = useState<BatchRow[]>([]);
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<Batch | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failing, setFailing] = useState<number | null>(null);
  const [reason, setReason] = useState('');

  const load = useCallback(() => {
    setError(null);
    Promise.all([listApplications({ payable: true, pageSize: 200 }), listBatches(me.org?.id)]).then(
      ([p, b]) => {
        setPayable(p.items);
        setBatches(b.items);
      },
      setError,
    );
  }, [me.org?.id]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('assistance.done'));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const create = () =>
    run(async () => {
      const batch = await createBatch(me.org!.id, selected);
      setSelected([]);
      setOpen(batch);
      load();
    });

  const result = (applicationId: number, paid: boolean, why?: string) =>
    run(async () => {
      const batch = await recordResults(open!.id, {
        results: [{ applicationId, paid, ...(why ? { reason: why } : {}) }],
      });
      setOpen(batch);
      load();
    });

  const payAll = () =>
    run(async () => {
      const pending = open!.items
        .filter((i) => i.state === 'in_batch')
        .map((i) => ({ applicationId: i.applicationId, paid: true }));
      setOpen(await recordResults(open!.id, { results: pending }));
      load();
    });

  const download = (id: number) =>
    run(async () => {
      saveFile(await exportBatch(id), `assistance-batch-${id}.xlsx`);
      setOpen(await getBatch(id));
      load();
    });

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <WalletOutlined /> {t('assistance.batchesTitle')}
      </Typography.Title>
      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
      {canManage ? (
        <Card
          title={t('assistance.payable')}
          extra={
            <Button
              type="primary"
              disabled={!selected.length}
              onClick={() => void create()}
              data-testid="create-batch"
            >
              {t('assistance.newBatch')}
              {selected.length ? ` (${selected.length})` : ''}
            </Button>
          }
        >
          <Table<AssistanceSummary>
            rowKey="id"
            size="small"
            dataSource={payable}
            locale={{ emptyText: t('assistance.noPayable') }}
            pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
            columns={[
              {
                title: t('assistance.no'),
                dataIndex: 'id',
                width: 70,
                render: (id: number) => <Link to={`/admin/assistance/applications/${id}`}>{id}</Link>,
              },
              { title: t('assistance.applicant'), dataIndex: 'memberName' },
              { title: t('assistance.union'), dataIndex: 'memberOrgName' },
              {
                title: t('assistance.kind'),
                dataIndex: 'kind',
                render: (k: AssistanceKind) => t(`assistance.kinds.${k}`),
              },
              {
                title: t('assistance.amountApproved'),
                dataIndex: 'amountApprovedFen',
                align: 'right',
                render: (v: number) => yuan(v),
              },
            ]}
          />
        </Card>
      ) : null}
      <Card title={t('assistance.batchesTitle')} style={{ marginTop: 16 }}>
        <Table<BatchRow>
          rowKey="id"
          size="small"
          dataSource={batches}
          pagination={false}
          columns={[
            { title: t('assistance.batchNo'), dataIndex: 'id', width: 80 },
            { title: t('assistance.union'), dataIndex: ['org', 'name'] },
            { title: t('assistance.count'), dataIndex: 'count', width: 80 },
            {
              title: t('assistance.totalAmount'),
              dataIndex: 'totalFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.state'),
              dataIndex: 'state',
              render: (s: BatchRow['state']) => (
                <Tag color={BATCH_COLOR[s]}>{t(`assistance.batchStates.${s}`)}</Tag>
              ),
            },
            {
              title: t('assistance.createdAt'),
              dataIndex: 'createdAt',
              render: (d: string) => new Date(d).toLocaleString('zh-CN'),
            },
            {
              key: 'open',
              render: (_: unknown, b) => (
                <Button type="link" onClick={() => void getBatch(b.id).then(setOpen)}>
                  {t('assistance.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        width={860}
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open ? `${t('assistance.batchNo')} ${open.id} · ${open.org.name}` : ''}
        extra={
          open && canManage ? (
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => void download(open.id)}>
                {t('assistance.exportBank')}
              </Button>
              {open.items.some((i) => i.state === 'in_batch') ? (
                <Button type="primary" onClick={() => void payAll()}>
                  {t('assistance.markPaid')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        {open ? (
          <Typography.Paragraph>
            <Tag color={BATCH_COLOR[open.state]}>{t(`assistance.batchStates.${open.state}`)}</Tag>
            {t('assistance.count')} {open.count} · {t('assistance.totalAmount')}{' '}
            {t('assistance.yuan', { amount: yuan(open.totalFen) })}
          </Typography.Paragraph>
        ) : null}
        {open ? (
          <Table
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={open.items}
            columns={[
              { title: t('assistance.no'), dataIndex: 'applicationId', width: 70 },
              { title: t('assistance.payee'), dataIndex: 'payeeName' },
              { title: t('assistance.bank'), dataIndex: 'bankName' },
              { title: t('assistance.bankAccount'), dataIndex: 'bankAccountMasked' },
              {
                title: t('assistance.amountApproved'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (v: number) => yuan(v),
              },
              {
                title: t('assistance.state'),
                dataIndex: 'state',
                render: (s: keyof typeof ITEM_COLOR, i) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={ITEM_COLOR[s]}>{t(`assistance.states.${s}`)}</Tag>
                    {i.failReason ? <Typography.Text type="secondary">{i.failReason}</Typography.Text> : null}
                  </Space>
                ),
              },
              {
                key: 'actions',
                render: (_: unknown, i) =>
                  canManage && i.state === 'in_batch' ? (
                    <Space size={0}>
                      <Button type="link" onClick={() => void result(i.applicationId, true)}>
                        {t('assistance.markPaid')}
                      </Button>
                      <Button
                        type="link"
                        danger
                        onClick={() => {
                          setFailing(i.applicationId);
                          setReason('');
                        }}
                      >
                        {t('assistance.markFailed')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        ) : null}
      </Drawer>
      <Modal
        open={failing !== null}
        title={t('assistance.markFailed')}
        onCancel={() => setFailing(null)}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onOk={() => {
          const id = failing!;
          setFailing(null);
          void result(id, false, reason.trim());
        }}
      >
        <Input
          placeholder={t('assistance.failReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
        />
      </Modal>
    </div>
  );
}
