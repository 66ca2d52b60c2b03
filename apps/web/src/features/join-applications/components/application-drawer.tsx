import type { JoinApplication, JoinApplicationItem } from '@unionhub/contracts';
import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Input, Modal, Result, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { acceptApplication, getMember, rejectApplication } from '../api';
import { applicationStatusColors, DeadlineCell } from './deadline-cell';

/** One application: masked facts, and accept or reject (with a reason) while it is pending. */
export function ApplicationDrawer({
  application,
  onClose,
  onDecided,
}: {
  application: JoinApplicationItem | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { modal, message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [current, setCurrent] = useState<JoinApplication | null>(null);
  const [accepted, setAccepted] = useState<{ cardNo: string | null } | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCurrent(application);
    setAccepted(null);
    setRejecting(false);
    setError(null);
  }, [application]);

  const pending = current?.status === 'pending' && (application?.allowedActions.length ?? 0) > 0;
  const empty = t('common.empty');

  const accept = () => {
    if (!current) return;
    modal.confirm({
      title: t('joinApplications.accept'),
      content: t('joinApplications.acceptConfirm', { name: current.name, org: current.orgName }),
      okText: t('joinApplications.accept'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy(true);
        setError(null);
        try {
          const done = await acceptApplication(current.id);
          setCurrent(done);
          const member = done.memberId ? await getMember(done.memberId).catch(() => null) : null;
          setAccepted({ cardNo: member?.cardNo ?? null });
          onDecided();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Drawer
      open={application !== null}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={current ? t('joinApplications.detailTitle', { name: current.name }) : ''}
      extra={
        pending && !accepted ? (
          <Space>
            <Button danger onClick={() => setRejecting(true)} disabled={busy}>
              {t('joinApplications.reject')}
            </Button>
            <Button type="primary" onClick={accept} loading={busy}>
              {t('joinApplications.accept')}
            </Button>
          </Space>
        ) : null
      }
    >
      {current ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {accepted ? (
            <Result
              status="success"
              title={t('joinApplications.acceptedTitle', { name: current.name })}
              subTitle={
                accepted.cardNo
                  ? t('joinApplications.acceptedText', { org: current.orgName, cardNo: accepted.cardNo })
                  : t('joinApplications.acceptedNoCard', { org: current.orgName })
              }
            />
          ) : null}
          {error ? <ErrorAlert error={error} /> : null}
          {current.status === 'rejected' && current.decisionReason ? (
            <Alert
              type="warning"
              showIcon
              title={t('joinApplications.decisionReason')}
              description={current.decisionReason}
            />
          ) : null}
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={t('joinApplications.name')}>{current.name}</Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.idNumber')}>
              {current.idNumberMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.phone')}>{current.phoneMasked}</Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.employer')}>
              {current.employerName ?? empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.creditCode')}>
              {current.employerCreditCode ?? empty}
            </Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.org')}>{current.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.createdAt')}>
              {formatDateTime(current.createdAt, language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.deadline')}>
              <DeadlineCell application={current} />
            </Descriptions.Item>
            <Descriptions.Item label={t('joinApplications.status')}>
              <Tag color={applicationStatusColors[current.status]}>
                {t(`joinApplications.statuses.${current.status}`)}
              </Tag>
            </Descriptions.Item>
            {current.decidedAt ? (
              <Descriptions.Item label={t('joinApplications.decidedAt')}>
                {formatDateTime(current.decidedAt, language)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Space>
      ) : null}
      <RejectModal
        application={rejecting ? current : null}
        onClose={() => setRejecting(false)}
        onDone={(done) => {
          setRejecting(false);
          setCurrent(done);
          void message.success(t('joinApplications.rejected', { name: done.name }));
          onDecided();
        }}
      />
    </Drawer>
  );
}

function RejectModal({
  application,
  onClose,
  onDone,
}: {
  application: JoinApplication | null;
  onClose: () => void;
  onDone: (done: JoinApplication) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!application) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await rejectApplication(application.id, v.reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={application !== null}
      title={application ? t('joinApplications.rejectTitle', { name: application.name }) : ''}
      onOk={submit}
      okText={t('joinApplications.reject')}
      okButtonProps={{ danger: true }}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('joinApplications.rejectReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              message: t('joinApplications.rejectRequired'),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={200}
            showCount
            placeholder={t('joinApplications.rejectPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
