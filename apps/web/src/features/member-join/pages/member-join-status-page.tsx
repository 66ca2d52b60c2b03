import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { JoinApplication } from '@unionhub/contracts';
import { Button, DotLoading, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chinaToday } from '../../../lib/dates';
import { describeError } from '../../../lib/errors';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { listMyApplications } from '../api';
import { joinStatusMessage } from '../join-form';

const tagColors = { pending: 'warning', accepted: 'success', rejected: 'danger' } as const;

export function MemberJoinStatusPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const navigate = useNavigate();
  const [items, setItems] = useState<JoinApplication[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMyApplications().then(setItems, setError);
  }, []);

  const latest = items?.[0];
  const message = latest ? joinStatusMessage(latest, chinaToday()) : null;
  const Icon =
    latest?.status === 'accepted'
      ? CheckCircleFilled
      : latest?.status === 'rejected'
        ? CloseCircleFilled
        : ClockCircleFilled;

  return (
    <div className="uhm-join">
      <NavBar className="uhm-join-nav" onBack={() => navigate('/m')}>
        {t('memberJoin.status.title')}
      </NavBar>
      {error ? (
        <ErrorBlock
          status="default"
          title={t('common.loadFailed')}
          description={describeError(error, t).message}
        />
      ) : items === null ? (
        <div className="uhm-join-loading">
          <DotLoading color="primary" />
        </div>
      ) : !latest ? (
        <ErrorBlock status="empty" title={t('memberJoin.status.none')} description="">
          <Button color="primary" shape="rounded" onClick={() => navigate('/m/join')}>
            {t('memberJoin.status.apply')}
          </Button>
        </ErrorBlock>
      ) : (
        <>
          <section className={`uhm-join-result is-${latest.status}`} data-testid="join-status">
            <Icon className="uhm-join-result-icon" aria-hidden="true" />
            <div className="uhm-join-result-title">{t(`memberJoin.status.${latest.status}`)}</div>
            <div className="uhm-join-result-text">
              {message ? t(`memberJoin.status.${message.key}`, message.params) : null}
            </div>
            {latest.status === 'rejected' && latest.decisionReason ? (
              <div className="uhm-join-result-reason">
                {t('memberJoin.status.reason', { reason: latest.decisionReason })}
              </div>
            ) : null}
            {latest.status === 'accepted' ? (
              <Button color="primary" shape="rounded" onClick={() => navigate('/m/card')}>
                {t('memberJoin.status.openCard')}
              </Button>
            ) : null}
            {latest.status === 'rejected' ? (
              <Button
                color="primary"
                fill="outline"
                shape="rounded"
                onClick={() => navigate('/m/join?again=1')}
              >
                {t('memberJoin.status.applyAgain')}
              </Button>
            ) : null}
          </section>
          <List className="uhm-join-facts">
            <List.Item extra={latest.orgName}>{t('memberJoin.status.union')}</List.Item>
            <List.Item extra={latest.name}>{t('memberJoin.name')}</List.Item>
            <List.Item extra={latest.idNumberMasked}>{t('memberJoin.status.idNumber')}</List.Item>
            {latest.employerName ? (
              <List.Item extra={latest.employerName}>{t('memberJoin.status.employer')}</List.Item>
            ) : null}
            <List.Item extra={formatDateTime(latest.createdAt, language)}>
              {t('memberJoin.status.submittedAt')}
            </List.Item>
          </List>
          {items.length > 1 ? (
            <List className="uhm-join-facts" header={t('memberJoin.status.history')}>
              {items.slice(1).map((a) => (
                <List.Item
                  key={a.id}
                  description={
                    a.decisionReason ? t('memberJoin.status.reason', { reason: a.decisionReason }) : undefined
                  }
                  extra={<Tag color={tagColors[a.status]}>{t(`memberJoin.status.${a.status}`)}</Tag>}
                >
                  {a.orgName}
                </List.Item>
              ))}
            </List>
          ) : null}
        </>
      )}
    </div>
  );
}
