import type { JoinApplication, JoinApplicationItem } from '@unionhub/contracts';
import { Alert, App, Button, Drawer, Grid, Result, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PersonSummary } from '../../../components/person-summary';
import { ReasonModal } from '../../../components/reason-modal';
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
          <PersonSummary
            labels={{
              name: t('joinApplications.name'),
              idNumber: t('joinApplications.idNumber'),
              phone: t('joinApplications.phone'),
            }}
            person={current}
            rows={[
              {
                key: 'employer',
                label: t('joinApplications.employer'),
                children: current.employerName ?? empty,
              },
              {
                key: 'creditCode',
                label: t('joinApplications.creditCode'),
                children: current.employerCreditCode ?? empty,
              },
              { key: 'org', label: t('joinApplications.org'), children: current.orgName },
              {
                key: 'createdAt',
                label: t('joinApplications.createdAt'),
                children: formatDateTime(current.createdAt, language),
              },
              {
                key: 'deadline',
                label: t('joinApplications.deadline'),
                children: <DeadlineCell application={current} />,
              },
              {
                key: 'status',
                label: t('joinApplications.status'),
                children: (
                  <Tag color={applicationStatusColors[current.status]}>
                    {t(`joinApplications.statuses.${current.status}`)}
                  </Tag>
                ),
              },
              Boolean(current.decidedAt) && {
                key: 'decidedAt',
                label: t('joinApplications.decidedAt'),
                children: formatDateTime(current.decidedAt, language),
              },
            ]}
          />
        </Space>
      ) : null}
      <ReasonModal
        open={rejecting && current !== null}
        title={current ? t('joinApplications.rejectTitle', { name: current.name }) : ''}
        okText={t('joinApplications.reject')}
        danger
        label={t('joinApplications.rejectReason')}
        required={t('joinApplications.rejectRequired')}
        placeholder={t('joinApplications.rejectPlaceholder')}
        showCount
        onClose={() => setRejecting(false)}
        onSubmit={async ({ reason }) => {
          if (!current) return;
          const done = await rejectApplication(current.id, reason);
          setRejecting(false);
          setCurrent(done);
          void message.success(t('joinApplications.rejected', { name: done.name }));
          onDecided();
        }}
      />
    </Drawer>
  );
}
