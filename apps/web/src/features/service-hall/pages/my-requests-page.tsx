import type { ServiceRequestSummary } from '@unionhub/contracts';
import { DotLoading, Empty, List, NavBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listMyRequests } from '../api';
import { currentStep, REQUEST_STEPS, STATE_COLORS } from '../request-steps';

export function MyRequestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<ServiceRequestSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    listMyRequests().then((r) => setItems(r.items), setError);
  }, []);

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/me')}>{t('hall.myRequests')}</NavBar>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && <Empty description={t('hall.noRequests')} />}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((r) => {
            const step = currentStep(r.state);
            return (
              <List.Item
                key={r.id}
                onClick={() => navigate(`/m/requests/${r.id}`)}
                description={
                  <>
                    <div>
                      {t('hall.requestNo', { id: r.id })} · {r.org.name}
                    </div>
                    <div>
                      {t('hall.currentStep', { step: t(`hall.steps.${REQUEST_STEPS[step.index]}`) })} ·{' '}
                      {t('hall.submittedAt', { time: new Date(r.submittedAt).toLocaleDateString('zh-CN') })}
                    </div>
                  </>
                }
                extra={<Tag color={STATE_COLORS[r.state]}>{t(`hall.states.${r.state}`)}</Tag>}
              >
                {r.serviceName}
              </List.Item>
            );
          })}
        </List>
      )}
    </div>
  );
}
