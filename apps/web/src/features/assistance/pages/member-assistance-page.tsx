import type { AssistanceSummary } from '@unionhub/contracts';
import { Button, DotLoading, Empty, List, NavBar, Tabs, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listMyAssistance, listNotices, yuan } from '../api';

export const MEMBER_STATE_COLOR: Record<AssistanceSummary['state'], string> = {
  reviewing: 'primary',
  returned: 'warning',
  approved: 'primary',
  rejected: 'danger',
  withdrawn: 'default',
  in_batch: 'primary',
  paid: 'success',
  failed: 'danger',
};

/** 困难帮扶: apply, 我的帮扶 with the state of each, and the 公示 list. */
export function MemberAssistancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'mine';
  const [items, setItems] = useState<AssistanceSummary[] | null>(null);
  const [notices, setNotices] = useState<Awaited<ReturnType<typeof listNotices>>['items'] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMyAssistance().then((r) => setItems(r.items), setError);
    listNotices().then(
      (r) => setNotices(r.items),
      () => setNotices([]),
    );
  }, []);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m')}>{t('assistance.member.title')}</NavBar>
      <section className="uhm-card">
        <Button
          block
          color="primary"
          size="large"
          onClick={() => navigate('/m/assistance/apply')}
          data-testid="apply-assistance"
        >
          {t('assistance.member.apply')}
        </Button>
      </section>
      <Tabs activeKey={tab} onChange={(key) => setParams({ tab: key }, { replace: true })}>
        <Tabs.Tab title={t('assistance.member.mine')} key="mine">
          {!items && !error && <DotLoading />}
          {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
          {items?.length === 0 && <Empty description={t('assistance.member.noApplications')} />}
          {items && items.length > 0 && (
            <List className="uhm-card-list">
              {items.map((a) => (
                <List.Item
                  key={a.id}
                  onClick={() => navigate(`/m/assistance/${a.id}`)}
                  description={
                    <>
                      <div>
                        {t('assistance.amountRequested')}{' '}
                        {t('assistance.yuan', { amount: yuan(a.amountRequestedFen) })}
                        {a.amountApprovedFen !== null
                          ? ` · ${t('assistance.amountApproved')} ${t('assistance.yuan', { amount: yuan(a.amountApprovedFen) })}`
                          : ''}
                      </div>
                      <div>
                        {a.state === 'reviewing' && a.currentOrg ? `${a.currentOrg.name} · ` : ''}
                        {new Date(a.submittedAt).toLocaleDateString('zh-CN')}
                      </div>
                    </>
                  }
                  extra={<Tag color={MEMBER_STATE_COLOR[a.state]}>{t(`assistance.states.${a.state}`)}</Tag>}
                >
                  {t(`assistance.kinds.${a.kind}`)}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Tab>
        <Tabs.Tab title={t('assistance.member.notices')} key="notices">
          {notices?.length === 0 && <Empty description={t('assistance.member.noNotices')} />}
          {notices && notices.length > 0 && (
            <List className="uhm-card-list">
              {notices.map((n) => (
                <List.Item
                  key={n.id}
                  description={t('assistance.member.noticeText', {
                    org: n.orgName,
                    kind: t(`assistance.kinds.${n.kind}`),
                    amount: yuan(n.amountFen),
                  })}
                  extra={t('assistance.member.noticeUntil', {
                    date: new Date(n.noticeUntil).toLocaleDateString('zh-CN'),
                  })}
                >
                  {n.maskedName}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Tab>
      </Tabs>
    </div>
  );
}
