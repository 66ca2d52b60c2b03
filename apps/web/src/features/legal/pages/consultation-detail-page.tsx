import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ConsultationDetail } from '@unionhub/contracts';
import { Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { downloadConsultationFile, getConsultation } from '../api';
import { ConsultationThread } from '../components/consultation-thread';
import { STATE_COLORS } from '../format';

/** A consultation of the subtree as the union's staff see it: read only, with the lawyer and every step. */
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
        <ArrowLeftOutlined /> {t('legal.consultations.back')}
      </Link>
      <Typography.Title level={4} className="uh-page-title">
        {t('legal.workspace.no')} {detail.id} · {detail.org.name}{' '}
        <Tag color={STATE_COLORS[detail.state]}>{t(`legal.states.${detail.state}`)}</Tag>
        {detail.lawyer ? (
          <Typography.Text type="secondary">
            {t('legal.consultations.lawyer')}：{detail.lawyer.name}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <ConsultationThread detail={detail} open={(a) => downloadConsultationFile(id, a.id)} />
    </div>
  );
}
