import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ConsultationDetail, LegalProvider } from '@unionhub/contracts';
import { App, Button, Card, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { assignConsultation, downloadConsultationFile, getConsultation, listProviders } from '../api';
import { ConsultationThread } from '../components/consultation-thread';
import { STATE_COLORS } from '../format';

/** Gives a question nobody on duty took to a lawyer with a sign-in. */
function AssignCard({
  detail,
  onAssigned,
}: {
  detail: ConsultationDetail;
  onAssigned: (d: ConsultationDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lawyers, setLawyers] = useState<LegalProvider[]>([]);
  const [chosen, setChosen] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    listProviders({ status: 'active', includeAbove: true, pageSize: 200 }).then(
      (r) => setLawyers(r.items.filter((p) => p.account !== null)),
      () => setLawyers([]),
    );
  }, []);
  return (
    <Card className="uh-block-card" title={t('legalConsult.consultations.assignTitle')}>
      <Typography.Paragraph type="secondary">
        {t('legalConsult.consultations.assignHint')}
      </Typography.Paragraph>
      <Space wrap>
        <Select
          style={{ width: 320 }}
          placeholder={t('legalConsult.consultations.assignPlaceholder')}
          value={chosen}
          onChange={setChosen}
          showSearch={{ optionFilterProp: 'label' }}
          options={lawyers.map((p) => ({
            value: p.id,
            label: `${p.name}（${p.fields.map((f) => t(`legalConsult.fields.${f}`)).join('、')}）`,
          }))}
        />
        <Button
          type="primary"
          disabled={!chosen}
          loading={busy}
          onClick={async () => {
            if (!chosen) return;
            setBusy(true);
            try {
              const d = await assignConsultation(detail.id, chosen);
              void message.success(t('legalConsult.consultations.assigned', { name: d.lawyer?.name ?? '' }));
              onAssigned(d);
            } catch (err) {
              void message.error(describeError(err, t).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('legalConsult.consultations.assign')}
        </Button>
      </Space>
    </Card>
  );
}

/** A consultation of the subtree as the union's staff see it: the lawyer, every step, and 指派 when nobody took it. */
export function ConsultationDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [detail, setDetail] = useState<ConsultationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    getConsultation(id).then(setDetail, setError);
  }, [id]);
  if (error) return <ErrorAlert error={error} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <div className="uh-page">
      <Link to="/admin/legal/consultations">
        <ArrowLeftOutlined /> {t('legalConsult.consultations.back')}
      </Link>
      <Typography.Title level={4} className="uh-page-title">
        {t('legalConsult.workspace.no')} {detail.id} · {detail.org.name}{' '}
        <Tag color={STATE_COLORS[detail.state]}>{t(`legalConsult.states.${detail.state}`)}</Tag>
        {detail.lawyer ? (
          <Typography.Text type="secondary">
            {t('legalConsult.consultations.lawyer')}：{detail.lawyer.name}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      {detail.allowedActions.includes('assign') && <AssignCard detail={detail} onAssigned={setDetail} />}
      <ConsultationThread detail={detail} open={(a) => downloadConsultationFile(id, a.id)} />
    </div>
  );
}
