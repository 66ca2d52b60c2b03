import type { AssistanceDetail } from '@unionhub/contracts';
import { Button, Dialog, DotLoading, ErrorBlock, NavBar, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { getMyAssistance, resubmitMyAssistance, withdrawMyAssistance, yuan } from '../api';
import { MEMBER_STATE_COLOR } from './member-assistance-page';

const STEP_STATUS = {
  waiting: 'wait',
  current: 'process',
  approved: 'finish',
  returned: 'error',
  rejected: 'error',
  skipped: 'wait',
} as const;

/** 我的帮扶 · one application: each level's step, the opinions, "已发放" once paid. */
export function MemberAssistanceDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [app, setApp] = useState<AssistanceDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');

  const load = useCallback(() => {
    getMyAssistance(id).then(setApp, setError);
  }, [id]);
  useEffect(load, [load]);

  const run = async (work: () => Promise<AssistanceDetail>) => {
    try {
      setApp(await work());
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
    }
  };

  if (error)
    return (
      <div className="uhm-page">
        <NavBar onBack={() => navigate('/m/assistance')}>{t('assistance.member.mine')}</NavBar>
        <ErrorBlock status="default" title={describeError(error, t).message} description="" />
      </div>
    );
  if (!app)
    return (
      <div className="uhm-page">
        <NavBar onBack={() => navigate('/m/assistance')}>{t('assistance.member.mine')}</NavBar>
        <DotLoading />
      </div>
    );

  const opinions = app.events.filter(
    (e) => e.comment && ['approve', 'return', 'reject', 'fail'].includes(e.action),
  );
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/assistance')}>{t(`assistance.kinds.${app.kind}`)}</NavBar>
      <section className="uhm-card">
        <div className="uhm-request-head">
          <h1 className="uhm-page-title">{t(`assistance.kinds.${app.kind}`)}</h1>
          <Tag color={MEMBER_STATE_COLOR[app.state]} data-testid="assistance-state">
            {t(`assistance.states.${app.state}`)}
          </Tag>
        </div>
        <p className="uhm-muted">
          {t('assistance.no')} {app.id} · {t('assistance.amountRequested')}{' '}
          {t('assistance.yuan', { amount: yuan(app.amountRequestedFen) })}
        </p>
        {app.amountApprovedFen !== null ? (
          <p className="uhm-muted">
            {t('assistance.amountApproved')} {t('assistance.yuan', { amount: yuan(app.amountApprovedFen) })}
          </p>
        ) : null}
        {app.state === 'paid' && app.paidAt ? (
          <p className="uhm-assist-paid">
            {t('assistance.member.paidOn', { date: new Date(app.paidAt).toLocaleDateString('zh-CN') })}
          </p>
        ) : null}
        {app.state === 'approved' && app.noticeUntil && !app.payable ? (
          <p className="uhm-muted">
            {t('assistance.noticeUntil', { date: new Date(app.noticeUntil).toLocaleDateString('zh-CN') })}
          </p>
        ) : null}
        {app.state === 'failed' && app.failReason ? <p className="uhm-ff-error">{app.failReason}</p> : null}
      </section>
      <section className="uhm-card">
        <h2 className="uhm-card-title">{t('assistance.steps')}</h2>
        <Steps direction="vertical">
          {app.steps.map((s) => (
            <Steps.Step
              key={`${s.level}-${s.org.id}`}
              title={`${t(`assistance.levels.${s.level}`)} · ${t(`assistance.stepStates.${s.state}`)}`}
              description={s.org.name}
              status={STEP_STATUS[s.state]}
            />
          ))}
          <Steps.Step
            title={app.state === 'paid' ? t('assistance.states.paid') : t('assistance.member.payStep')}
            status={app.state === 'paid' ? 'finish' : app.state === 'failed' ? 'error' : 'wait'}
            description={app.payingOrg?.name ?? ''}
          />
        </Steps>
      </section>
      {opinions.length > 0 && (
        <section className="uhm-card">
          <h2 className="uhm-card-title">{t('assistance.comment')}</h2>
          {opinions.map((e) => (
            <div key={e.id} className="uhm-event">
              <div className="uhm-muted">
                {t(`assistance.actions.${e.action}`)} · {e.orgName ?? e.actorName} ·{' '}
                {new Date(e.createdAt).toLocaleDateString('zh-CN')}
              </div>
              <div className="uhm-prewrap">{e.comment}</div>
            </div>
          ))}
        </section>
      )}
      {app.allowedActions.includes('resubmit') && (
        <section className="uhm-card">
          <h2 className="uhm-card-title">{t('assistance.member.resubmit')}</h2>
          <TextArea
            value={comment}
            onChange={setComment}
            rows={2}
            maxLength={1000}
            placeholder={t('assistance.member.resubmitPrompt')}
          />
          <Button
            block
            color="primary"
            style={{ marginTop: 12 }}
            onClick={() => void run(() => resubmitMyAssistance(id, comment.trim()))}
          >
            {t('assistance.member.resubmit')}
          </Button>
        </section>
      )}
      {app.allowedActions.includes('withdraw') && (
        <section className="uhm-card">
          <Button
            block
            fill="outline"
            onClick={async () => {
              if (await Dialog.confirm({ content: t('assistance.member.withdrawConfirm') }))
                void run(() => withdrawMyAssistance(id));
            }}
          >
            {t('assistance.member.withdraw')}
          </Button>
        </section>
      )}
    </div>
  );
}
