import type { LegalAidCase } from '@unionhub/contracts';
import { Descriptions, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuanOf } from '../i18n';

/** The case as staff and the lawyer read it: lawyer, stage, amounts, outcome, steps, the consultation. */
export function CaseView({ value }: { value: LegalAidCase }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('legalAid.lawyer')}>
          {value.provider
            ? `${value.provider.name}${value.provider.firm ? `（${value.provider.firm}）` : ''}`
            : t('legalAid.stages.unassigned')}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.stage')}>
          {t(`legalAid.stages.${value.stage}`)}
        </Descriptions.Item>
        {value.amountClaimedFen !== null && (
          <Descriptions.Item label={t('legalAid.claimed')}>
            {t('legalAid.yuan', { amount: yuanOf(value.amountClaimedFen) })}
          </Descriptions.Item>
        )}
        {value.outcome && (
          <>
            <Descriptions.Item label={t('legalAid.outcome')}>
              <span data-testid="case-outcome">{t(`legalAid.outcomes.${value.outcome}`)}</span>
              {value.outcomeNote ? `：${value.outcomeNote}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('legalAid.recovered')}>
              {t('legalAid.yuan', { amount: yuanOf(value.amountRecoveredFen) })}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      <Typography.Title level={5}>{t('legalAid.steps')}</Typography.Title>
      {value.steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legalAid.noSteps')} />
      ) : (
        <Timeline
          items={value.steps.map((s) => ({
            key: s.id,
            children: (
              <div data-testid="case-step">
                <Typography.Text strong>
                  {t(`legalAid.kinds.${s.kind}`)} · {s.date}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">{s.providerName}</Typography.Text>
                <div className="uh-prewrap">{s.note}</div>
                {s.result ? <div className="uh-prewrap">{s.result}</div> : null}
                {s.attachments.map((a) => (
                  <div key={a.id}>
                    <Typography.Text type="secondary">📎 {a.filename}</Typography.Text>
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
      {value.consultation && (
        <>
          <Typography.Title level={5}>{t('legalAid.consultation')}</Typography.Title>
          <div className="uh-message">
            <Typography.Text type="secondary">{t('legalAid.question')}</Typography.Text>
            <div className="uh-prewrap">{value.consultation.text}</div>
          </div>
          {value.consultation.messages.map((m) => (
            <div key={m.id} className="uh-message">
              <Typography.Text type="secondary">{m.authorName}</Typography.Text>
              <div className="uh-prewrap">{m.text}</div>
            </div>
          ))}
        </>
      )}
    </>
  );
}
