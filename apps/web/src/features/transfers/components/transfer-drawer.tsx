import type { Transfer, TransferDetail } from '@unionhub/contracts';
import { Alert, App, Button, Drawer, Grid, Space, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PersonSummary } from '../../../components/person-summary';
import { ReasonModal } from '../../../components/reason-modal';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { transferStepKey } from '../../../lib/transfer-flow';
import { approveTransfer, cancelTransfer, getTransfer, rejectTransfer } from '../api';

export const transferStatusColors: Record<Transfer['status'], string> = {
  pending_origin: 'gold',
  pending_destination: 'orange',
  completed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** One transfer: its facts, every step, and what this union may do now. */
export function TransferDrawer({
  transferId,
  onClose,
  onChanged,
}: {
  transferId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { modal, message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [transfer, setTransfer] = useState<TransferDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState(false);

  const load = useCallback(() => {
    if (transferId === null) return;
    setError(null);
    getTransfer(transferId).then(setTransfer, setError);
  }, [transferId]);
  useEffect(() => {
    setTransfer(null);
    setRejecting(false);
    load();
  }, [load]);

  const allowed = new Set(transfer?.allowedActions ?? []);
  const date = (v: string) => formatDateTime(v, language) ?? v;
  const open = transfer?.status === 'pending_origin' || transfer?.status === 'pending_destination';

  const act = (action: 'approve' | 'cancel') => {
    if (!transfer) return;
    const names = { name: transfer.memberName, from: transfer.fromOrgName, to: transfer.toOrgName };
    modal.confirm({
      title: action === 'approve' ? t('transfers.approve') : t('transfers.cancel'),
      content:
        action === 'cancel'
          ? t('transfers.cancelConfirm')
          : transfer.status === 'pending_origin'
            ? t('transfers.approveConfirmOrigin', names)
            : t('transfers.approveConfirmDestination', names),
      okText: action === 'approve' ? t('transfers.approve') : t('transfers.cancel'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const done =
            action === 'approve' ? await approveTransfer(transfer.id) : await cancelTransfer(transfer.id);
          void message.success(
            done.status === 'completed'
              ? t('transfers.completed', names)
              : action === 'approve'
                ? t('transfers.approved')
                : t('transfers.cancelled'),
          );
          load();
          onChanged();
        } catch (err) {
          setError(err);
        }
      },
    });
  };

  return (
    <Drawer
      open={transferId !== null}
      onClose={onClose}
      size={screens.md ? 600 : '100%'}
      title={transfer ? t('transfers.detailTitle', { name: transfer.memberName }) : t('transfers.title')}
      extra={
        transfer ? (
          <Space>
            {allowed.has('cancel') ? (
              <Button onClick={() => act('cancel')}>{t('transfers.cancel')}</Button>
            ) : null}
            {allowed.has('reject') ? (
              <Button danger onClick={() => setRejecting(true)}>
                {t('transfers.reject')}
              </Button>
            ) : null}
            {allowed.has('approve') ? (
              <Button type="primary" onClick={() => act('approve')}>
                {t('transfers.approve')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
      {transfer ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {open ? (
            <Alert
              type="info"
              showIcon
              title={t('transferFlow.autoAcceptAt', { date: date(transfer.autoAcceptAt) })}
            />
          ) : null}
          {transfer.decisionReason ? (
            <Alert
              type="warning"
              showIcon
              title={t('transfers.decisionReason')}
              description={transfer.decisionReason}
            />
          ) : null}
          <PersonSummary
            labels={{ name: t('transfers.member') }}
            person={{ name: transfer.memberName }}
            rows={[
              { key: 'from', label: t('transfers.from'), children: transfer.fromOrgName },
              { key: 'to', label: t('transfers.to'), children: transfer.toOrgName },
              { key: 'reason', label: t('transfers.reason'), children: transfer.reason },
              {
                key: 'startedBy',
                label: t('transfers.startedBy'),
                children: t(`transfers.startedByValues.${transfer.startedBy}`),
              },
              {
                key: 'status',
                label: t('transfers.status'),
                children: (
                  <Tag color={transferStatusColors[transfer.status]}>
                    {t(`transferFlow.statuses.${transfer.status}`)}
                  </Tag>
                ),
              },
              { key: 'createdAt', label: t('transfers.createdAt'), children: date(transfer.createdAt) },
              open && {
                key: 'autoAcceptAt',
                label: t('transfers.autoAcceptAt'),
                children: date(transfer.autoAcceptAt),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('transfers.history')}</Typography.Title>
            <Timeline
              items={transfer.history.map((s) => ({
                color: s.action === 'reject' ? 'red' : s.toStatus === 'completed' ? 'green' : 'blue',
                content: (
                  <div data-testid="transfer-step">
                    <div>
                      {date(s.at)} {t(`transferFlow.steps.${transferStepKey(s)}`)}
                    </div>
                    {s.reason ? <Typography.Text type="secondary">{s.reason}</Typography.Text> : null}
                    <div>
                      <Typography.Text type="secondary">
                        {s.actorType === 'system'
                          ? t('transfers.bySystem')
                          : s.actorName
                            ? t('transfers.by', { name: s.actorName })
                            : null}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </div>
        </Space>
      ) : error ? null : null}
      <ReasonModal
        open={rejecting && transfer !== null}
        title={transfer ? t('transfers.rejectTitle', { name: transfer.memberName }) : ''}
        okText={t('transfers.reject')}
        danger
        label={t('transfers.rejectReason')}
        required={t('transfers.rejectRequired')}
        showCount
        onClose={() => setRejecting(false)}
        onSubmit={async ({ reason }) => {
          if (!transfer) return;
          await rejectTransfer(transfer.id, reason);
          setRejecting(false);
          void message.success(t('transfers.rejected'));
          load();
          onChanged();
        }}
      />
    </Drawer>
  );
}
