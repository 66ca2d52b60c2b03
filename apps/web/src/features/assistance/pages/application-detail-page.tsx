import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { AssistanceDetail, ReviewAction } from '@unionhub/contracts';
import { Alert, App, Button, Card, Descriptions, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { downloadApplicationFile, getApplication, reviewApplication, yuan } from '../api';
import { HouseholdTable } from '../components/household-table';
import { ReviewModal, type ReviewValues } from '../components/review-modal';
import { StateTag, TierTag } from '../components/tags';

const STEP_STATUS = {
  waiting: 'wait',
  current: 'process',
  approved: 'finish',
  returned: 'error',
  rejected: 'error',
  skipped: 'wait',
} as const;

/** One application: household, evidence, the review path and trail, and this level's decision. */
export function ApplicationDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [app, setApp] = useState<AssistanceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    getApplication(id).then(setApp, setError);
  }, [id]);
  useEffect(load, [load]);

  const submit = async (values: ReviewValues) => {
    if (!action || !app) return;
    setBusy(true);
    try {
      const next = await reviewApplication(id, action, {
        ...(action === 'approve' && values.amountYuan
          ? { amountApprovedFen: Math.round(values.amountYuan * 100) }
          : {}),
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
      });
      setApp(next);
      setAction(null);
      void message.success(t('assistance.done'));
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  };

  const openFile = async (attachmentId: number) => {
    try {
      const file = await downloadApplicationFile(id, attachmentId);
      window.open(URL.createObjectURL(file.blob), '_blank', 'noopener');
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  if (error) return <ErrorAlert error={error} />;
  if (!app) return <Card loading />;
  const currentYuan = (app.amountApprovedFen ?? app.amountRequestedFen) / 100;

  return (
    <div className="uh-page">
      <Space className="uh-page-title">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/admin/assistance/applications')} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('assistance.detailTitle', { id: app.id })}
        </Typography.Title>
        <StateTag state={app.state} />
        {app.noticeUntil && !app.payable && app.state === 'approved' ? (
          <Tag color="gold">
            {t('assistance.noticeUntil', { date: new Date(app.noticeUntil).toLocaleDateString('zh-CN') })}
          </Tag>
        ) : null}
      </Space>
      {app.watchedFile ? (
        <Alert
          type="warning"
          showIcon
          className="uh-block-alert"
          title={t('assistance.fellBack', {
            closedOn: app.watchedFile.closedOn,
            watchUntil: app.watchedFile.watchUntil,
          })}
          action={
            <Link to={`/admin/assistance/files/${app.watchedFile.id}`}>{t('assistance.previousFile')}</Link>
          }
        />
      ) : null}
      <Card>
        <Steps
          size="small"
          items={app.steps.map((s) => ({
            title: t(`assistance.levels.${s.level}`),
            description: `${s.org.name} · ${t(`assistance.stepStates.${s.state}`)}`,
            status: STEP_STATUS[s.state],
          }))}
        />
        <div className="uh-block-alert" style={{ marginTop: 16 }}>
          {app.allowedActions.length ? (
            <Space>
              {app.allowedActions.includes('approve') ? (
                <Button type="primary" onClick={() => setAction('approve')}>
                  {t('assistance.actions.approve')}
                </Button>
              ) : null}
              {app.allowedActions.includes('return') ? (
                <Button onClick={() => setAction('return')}>{t('assistance.actions.return')}</Button>
              ) : null}
              {app.allowedActions.includes('reject') ? (
                <Button danger onClick={() => setAction('reject')}>
                  {t('assistance.actions.reject')}
                </Button>
              ) : null}
            </Space>
          ) : app.state === 'reviewing' ? (
            <Alert type="info" showIcon message={t('assistance.noActions')} />
          ) : null}
        </div>
      </Card>
      <Card title={t('assistance.menu.applications')} style={{ marginTop: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('assistance.applicant')}>{app.memberName}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.union')}>{app.memberOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.kind')}>
            {t(`assistance.kinds.${app.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.amountRequested')}>
            {t('assistance.yuan', { amount: yuan(app.amountRequestedFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.amountApproved')}>
            {app.amountApprovedFen === null
              ? '—'
              : t('assistance.yuan', { amount: yuan(app.amountApprovedFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.payingOrg')}>
            {app.payingOrg?.name ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.tier')}>
            <TierTag tier={app.tier} />
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.income')}>
            {t('assistance.yuan', { amount: yuan(app.incomePerPersonFen) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.causesLabel')}>
            {app.causes.map((c) => t(`assistance.causes.${c}`)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.bank')}>{app.bankName}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.bankAccount')}>{app.bankAccountMasked}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.submittedAt')}>
            {new Date(app.submittedAt).toLocaleString('zh-CN')}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.reason')} span={3}>
            <span className="uh-prewrap">{app.reason}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('assistance.household')} style={{ marginTop: 16 }}>
        <HouseholdTable household={app.household} />
      </Card>
      <Card title={t('assistance.evidence')} style={{ marginTop: 16 }}>
        {app.attachments.length === 0 ? '—' : null}
        <Space wrap>
          {app.attachments.map((f) => (
            <Button key={f.id} icon={<PaperClipOutlined />} onClick={() => void openFile(f.id)}>
              {f.filename}
            </Button>
          ))}
        </Space>
      </Card>
      <Card title={t('assistance.trail')} style={{ marginTop: 16 }}>
        <Timeline
          items={app.events.map((e) => ({
            color:
              e.action === 'reject' || e.action === 'fail'
                ? 'red'
                : e.action === 'return'
                  ? 'orange'
                  : 'green',
            children: (
              <>
                <div>
                  <strong>{t(`assistance.actions.${e.action}`)}</strong>
                  {e.level ? ` · ${t(`assistance.levels.${e.level}`)}` : ''} · {e.orgName ?? ''} {e.actorName}
                  {e.amountFen !== null ? ` · ${t('assistance.yuan', { amount: yuan(e.amountFen) })}` : ''}
                </div>
                {e.comment ? <div className="uh-prewrap">{e.comment}</div> : null}
                <Typography.Text type="secondary">
                  {new Date(e.createdAt).toLocaleString('zh-CN')}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
      <ReviewModal
        action={action}
        maxYuan={app.amountRequestedFen / 100}
        defaultYuan={currentYuan}
        busy={busy}
        onCancel={() => setAction(null)}
        onSubmit={(v) => void submit(v)}
      />
    </div>
  );
}
