import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { HardshipCauses, type HardshipFileDetail } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
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
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { closeFile, getFile, getFileFull, recheckFile, updateFile, yuan } from '../api';
import { HouseholdFields } from '../components/household-fields';
import { HouseholdTable } from '../components/household-table';
import { TierTag } from '../components/tags';

type Dialog = 'full' | 'recheck' | 'close' | 'edit' | null;

/** A hardship file: household (masked; full ID numbers for a logged reason), re-checks, closing. */
export function FileDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = me.permissions.includes('assistance.manage');
  const id = Number(useParams().id);
  const [file, setFile] = useState<HardshipFileDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    getFile(id).then(setFile, setError);
  }, [id]);
  useEffect(load, [load]);

  const submit = async (v: Record<string, unknown>) => {
    try {
      if (dialog === 'full') setFile(await getFileFull(id, String(v.reason).trim()));
      if (dialog === 'recheck')
        setFile(
          await recheckFile(id, {
            incomePerPersonFen: Math.round(Number(v.incomeYuan) * 100),
            note: String(v.note).trim(),
            ...(Array.isArray(v.causes) && v.causes.length ? { causes: v.causes } : {}),
          }),
        );
      if (dialog === 'close') setFile(await closeFile(id, String(v.reason).trim()));
      if (dialog === 'edit')
        setFile(
          await updateFile(id, {
            incomePerPersonFen: Math.round(Number(v.incomeYuan) * 100),
            causes: v.causes as HardshipFileDetail['causes'],
            note: String(v.note ?? ''),
            ...(file?.full && Array.isArray(v.household) ? { household: v.household } : {}),
          }),
        );
      setDialog(null);
      void message.success(t('assistance.done'));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!file) return <Card loading />;

  return (
    <div className="uh-page">
      <Space className="uh-page-title" wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/admin/assistance/files')} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {file.memberName} · {t('assistance.filesTitle')}
        </Typography.Title>
        <Tag>{t(`assistance.fileStates.${file.state}`)}</Tag>
        <TierTag tier={file.tier} />
        {file.recheckOverdue ? <Tag color="red">{t('assistance.overdue')}</Tag> : null}
        {file.watched ? <Tag color="gold">{t('assistance.watched')}</Tag> : null}
      </Space>
      <Card
        extra={
          canManage && file.state !== 'closed' ? (
            <Space>
              {file.state === 'open' ? (
                <Button
                  type="primary"
                  onClick={() => {
                    form.setFieldsValue({ incomeYuan: file.incomePerPersonFen / 100, causes: file.causes });
                    setDialog('recheck');
                  }}
                >
                  {t('assistance.recheck')}
                </Button>
              ) : null}
              <Button
                onClick={() => {
                  form.setFieldsValue({
                    incomeYuan: file.incomePerPersonFen / 100,
                    causes: file.causes,
                    note: file.note ?? '',
                    household: file.household.map((h) => ({ ...h, idNumber: h.idNumber ?? '' })),
                  });
                  setDialog('edit');
                }}
              >
                {t('assistance.editFile')}
              </Button>
              <Button danger onClick={() => setDialog('close')}>
                {t('assistance.closeFile')}
              </Button>
            </Space>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('assistance.idNumber')}>{file.memberIdMasked}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.union')}>{file.org.name}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.householdSize')}>{file.householdSize}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.income')}>
            {t('assistance.yuan', { amount: yuan(file.incomePerPersonFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.causesLabel')}>
            {file.causes.map((c) => t(`assistance.causes.${c}`)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.lastChecked')}>
            {file.lastCheckedOn ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.recheckDue')}>{file.recheckDueOn ?? '—'}</Descriptions.Item>
          {file.closedReason ? (
            <Descriptions.Item label={t('assistance.closeReason')}>{file.closedReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card
        title={t('assistance.household')}
        style={{ marginTop: 16 }}
        extra={
          canManage && !file.full ? (
            <Button icon={<EyeOutlined />} onClick={() => setDialog('full')}>
              {t('assistance.showFull')}
            </Button>
          ) : null
        }
      >
        <HouseholdTable household={file.household} />
      </Card>
      <Card title={t('assistance.rechecks')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={file.rechecks}
          columns={[
            { title: t('assistance.time'), dataIndex: 'checkedOn' },
            {
              title: t('assistance.income'),
              dataIndex: 'incomePerPersonFen',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.tier'),
              dataIndex: 'tier',
              render: (tier: HardshipFileDetail['tier']) => <TierTag tier={tier} />,
            },
            { title: t('assistance.recheckNote'), dataIndex: 'note' },
            { title: t('assistance.actor'), dataIndex: 'actorName' },
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={
          dialog === 'full'
            ? t('assistance.showFull')
            : dialog === 'recheck'
              ? t('assistance.recheck')
              : t('assistance.closeFile')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ danger: dialog === 'close' }}
        destroyOnHidden
      >
        {dialog === 'close' ? (
          <Typography.Paragraph type="secondary">{t('assistance.closeConfirm')}</Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical" name="file-action" onFinish={(v) => void submit(v)}>
          {dialog === 'edit' ? (
            <>
              <Form.Item name="incomeYuan" label={t('assistance.incomeYuan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter="元" />
              </Form.Item>
              <Form.Item name="causes" label={t('assistance.causesLabel')} rules={[{ required: true }]}>
                <Select
                  mode="multiple"
                  options={HardshipCauses.map((c) => ({ value: c, label: t(`assistance.causes.${c}`) }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t('assistance.note')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              {file.full ? (
                <Form.Item label={t('assistance.household')}>
                  <HouseholdFields />
                </Form.Item>
              ) : (
                <Typography.Paragraph type="secondary">
                  {t('assistance.editHouseholdHint')}
                </Typography.Paragraph>
              )}
            </>
          ) : dialog === 'recheck' ? (
            <>
              <Form.Item name="incomeYuan" label={t('assistance.incomeYuan')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter="元" />
              </Form.Item>
              <Form.Item name="causes" label={t('assistance.causesLabel')}>
                <Select
                  mode="multiple"
                  options={HardshipCauses.map((c) => ({ value: c, label: t(`assistance.causes.${c}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('assistance.recheckNote')}
                rules={[{ required: true, whitespace: true }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <Form.Item
              name="reason"
              label={dialog === 'full' ? t('assistance.fullReason') : t('assistance.closeReason')}
              rules={[{ required: true, whitespace: true, min: 2 }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
