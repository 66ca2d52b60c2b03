import type { ConsultationSummary } from '@unionhub/contracts';
import { Button, DotLoading, Empty, List, NavBar, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeError } from '../../../lib/errors';
import { listMyConsultations } from '../api';
import { MOBILE_STATE_COLORS, shortTime } from '../format';

/** 我的咨询: every question the member asked, the newest first, with its state and lawyer. */
export function MyConsultationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<ConsultationSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    listMyConsultations().then(
      (r) => setItems([...r.items].sort((a, b) => b.askedAt.localeCompare(a.askedAt))),
      setError,
    );
  }, []);
  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/legal')}>{t('memberLegal.mine')}</NavBar>
      {!items && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {items?.length === 0 && (
        <>
          <Empty description={t('memberLegal.none')} />
          <div className="uhm-page-actions">
            <Button block color="primary" onClick={() => navigate('/m/legal/ask')}>
              {t('memberLegal.ask')}
            </Button>
          </div>
        </>
      )}
      {items && items.length > 0 && (
        <List className="uhm-card-list">
          {items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => navigate(`/m/legal/consultations/${c.id}`)}
              description={
                <>
                  <div>
                    {t(`legalConsult.fields.${c.field}`)} ·{' '}
                    {t('memberLegal.askedAt', { time: shortTime(c.askedAt) })}
                  </div>
                  <div>
                    {c.lawyer
                      ? t('memberLegal.lawyer', { name: c.lawyer.name })
                      : t('memberLegal.waitingLawyer')}
                  </div>
                </>
              }
              extra={<Tag color={MOBILE_STATE_COLORS[c.state]}>{t(`legalConsult.states.${c.state}`)}</Tag>}
            >
              <span className="uhm-legal-excerpt">{c.excerpt}</span>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
