import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Lecture, LectureCheckinToken } from '@unionhub/contracts';
import { Alert, Space, Statistic, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { getCheckinToken, getLecture } from '../api';
import { lectureTime } from './lectures-page';

/**
 * The check-in screen for a projector: a large QR code holding the member-app link with a signed
 * token that changes every half minute, and the attendance counting up as people scan.
 */
export function LectureCheckinPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [lecture, setLecture] = useState<Lecture | null>(null);
  const [token, setToken] = useState<LectureCheckinToken | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const refresh = async () => {
      try {
        const [next, current] = await Promise.all([getCheckinToken(id), getLecture(id)]);
        if (!live) return;
        setToken(next);
        setLecture(current);
        setError(null);
        const url = `${window.location.origin}${next.path}`;
        setQr(await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 720 }));
        timer = window.setTimeout(() => void refresh(), next.refreshInSeconds * 1000);
      } catch (err) {
        if (!live) return;
        setError(err);
        timer = window.setTimeout(() => void refresh(), 10_000);
      }
    };
    void refresh();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [id]);

  return (
    <div className="uh-page uh-checkin-screen">
      <Link to={`/admin/legal/lectures/${id}`}>
        <ArrowLeftOutlined /> {t('legal.checkin.back')}
      </Link>
      {error ? (
        <Alert type="warning" showIcon message={describeError(error, t).message} style={{ marginTop: 12 }} />
      ) : null}
      {lecture && (
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {lecture.title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>
            {lectureTime(lecture)} ·{' '}
            {lecture.mode === 'onsite' ? lecture.place : t('legal.lectures.modes.online')}
          </Typography.Text>
          <Typography.Title level={3} style={{ color: '#c8161d' }}>
            {t('legal.checkin.scan')}
          </Typography.Title>
          {qr && token ? (
            <img
              src={qr}
              alt={t('legal.checkin.scan')}
              data-token={token.token}
              data-path={token.path}
              style={{ width: 'min(70vh, 90vw)', height: 'min(70vh, 90vw)', imageRendering: 'pixelated' }}
            />
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 16 }}>
            {t('legal.checkin.hint')}
            <br />
            {token ? t('legal.checkin.refresh', { seconds: token.refreshInSeconds }) : null}
          </Typography.Paragraph>
          <Space size={64}>
            <Statistic
              title={t('legal.checkin.attended')}
              value={lecture.attended}
              suffix={`/ ${lecture.registered}`}
            />
            <Statistic title={t('legal.checkin.seatsLeft')} value={lecture.seatsLeft} />
          </Space>
        </div>
      )}
    </div>
  );
}
