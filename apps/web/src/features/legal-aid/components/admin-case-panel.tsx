import type { LegalAidCase, LegalAidProviderChoice } from '@unionhub/contracts';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { assignLawyer, getStaffCase, listProviderChoices } from '../api';
import { CaseView } from './case-view';

/** 法律援助案件 on the admin request page: the case, and for the handling union the lawyer to assign. */
export function AdminCasePanel({ requestId, version }: { requestId: number; version: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [value, setValue] = useState<LegalAidCase | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [choices, setChoices] = useState<LegalAidProviderChoice[]>([]);
  const [picked, setPicked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    getStaffCase(requestId).then((c) => {
      setValue(c);
      if (c.allowedActions.includes('assign')) listProviderChoices(requestId).then(setChoices, setError);
    }, setError);
  }, [requestId]);
  useEffect(() => {
    void version;
    load();
  }, [load, version]);

  if (error) return <ErrorAlert error={error} />;
  if (!value) return null;
  const canAssign = value.allowedActions.includes('assign');
  return (
    <Card title={t('legalAid.panel')} className="uh-block-card" data-testid="legal-aid-panel">
      {canAssign && (
        <Space wrap className="uh-block-card">
          <Select
            style={{ minWidth: 260 }}
            placeholder={t('legalAid.assignPlaceholder')}
            value={picked ?? undefined}
            onChange={setPicked}
            data-testid="lawyer-select"
            options={choices.map((p) => ({
              value: p.id,
              label: `${p.name}${p.firm ? ` · ${p.firm}` : ''}${p.answeredConsultation ? `（${t('legalAid.answeredIt')}）` : ''}`,
            }))}
          />
          <Button
            type="primary"
            disabled={!picked}
            loading={busy}
            onClick={async () => {
              if (!picked) return;
              setBusy(true);
              try {
                setValue(await assignLawyer(requestId, picked));
                message.success(t('legalAid.assigned'));
              } catch (err) {
                message.error(describeError(err, t).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            {value.provider ? t('legalAid.reassign') : t('legalAid.assign')}
          </Button>
        </Space>
      )}
      <CaseView value={value} />
      {!value.outcome && canAssign && (
        <Typography.Paragraph type="secondary">{t('legalAid.completeHint')}</Typography.Paragraph>
      )}
    </Card>
  );
}
