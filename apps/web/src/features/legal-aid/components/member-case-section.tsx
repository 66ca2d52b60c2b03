import type { LegalAidCase } from '@unionhub/contracts';
import { List, Steps } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMyCase } from '../api';
import { yuanOf } from '../i18n';

const day = (iso: string) => new Date(iso).toLocaleDateString('zh-CN');

/** 法律援助办理情况 on the member's request page: lawyer, stage, steps, outcome, the consultation. */
export function MemberCaseSection({ requestId, version }: { requestId: number; version: string }) {
  const { t } = useTranslation();
  const [c, setC] = useState<LegalAidCase | null>(null);
  // `version` (the request's updatedAt) reloads the case when the request changes.
  useEffect(() => {
    void version;
    getMyCase(requestId).then(setC, () => setC(null));
  }, [requestId, version]);
  if (!c) return null;
  return (
    <>
      <section className="uhm-card" data-testid="legal-aid-case">
        <h2 className="uhm-card-title">{t('legalAid.section')}</h2>
        <List>
          <List.Item
            extra={
              c.provider
                ? `${c.provider.name}${c.provider.firm ? `（${c.provider.firm}）` : ''}`
                : t('legalAid.noLawyer')
            }
          >
            {t('legalAid.lawyer')}
          </List.Item>
          <List.Item extra={t(`legalAid.stages.${c.stage}`)}>{t('legalAid.stage')}</List.Item>
          {c.outcome && (
            <List.Item
              extra={<span data-testid="legal-aid-outcome">{t(`legalAid.outcomes.${c.outcome}`)}</span>}
            >
              {t('legalAid.outcome')}
            </List.Item>
          )}
          {c.outcome && (
            <List.Item extra={t('legalAid.yuan', { amount: yuanOf(c.amountRecoveredFen) })}>
              {t('legalAid.recovered')}
            </List.Item>
          )}
        </List>
        {c.outcomeNote && <p className="uhm-prewrap">{c.outcomeNote}</p>}
        <h3 className="uhm-card-title">{t('legalAid.steps')}</h3>
        {c.steps.length === 0 ? (
          <p className="uhm-muted">{t('legalAid.noSteps')}</p>
        ) : (
          <Steps direction="vertical" current={c.steps.length - 1}>
            {c.steps.map((s) => (
              <Steps.Step
                key={s.id}
                status="finish"
                title={`${t(`legalAid.kinds.${s.kind}`)} · ${day(s.date)}`}
                description={
                  <div className="uhm-event">
                    <div className="uhm-prewrap">{s.note}</div>
                    {s.result && <div className="uhm-prewrap">{s.result}</div>}
                  </div>
                }
              />
            ))}
          </Steps>
        )}
      </section>
      {c.consultation && (
        <section className="uhm-card" data-testid="legal-aid-consultation">
          <h2 className="uhm-card-title">{t('legalAid.consultation')}</h2>
          <ul className="uhm-messages">
            <li className="uhm-message-mine">
              <div className="uhm-muted">{t('legalAid.question')}</div>
              <div className="uhm-prewrap">{c.consultation.text}</div>
            </li>
            {c.consultation.messages.map((m) => (
              <li key={m.id} className={m.authorType === 'member' ? 'uhm-message-mine' : 'uhm-message-union'}>
                <div className="uhm-muted">{m.authorName}</div>
                <div className="uhm-prewrap">{m.text}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
