import {
  CameraOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Card, Input, type InputRef, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useQrCamera } from '../../../lib/use-qr-camera';
import { verifyCardToken } from '../api';
import { cleanScan, type VerificationView, verificationView } from '../verification';

/** 4101 0526 0000 0017: as printed on the card. */
const grouped = (cardNo: string) => cardNo.replace(/(\d{4})(?=\d)/g, '$1 ');

interface Check {
  at: string;
  view: VerificationView;
}

function ResultPanel({ view }: { view: VerificationView }) {
  const { t } = useTranslation();
  if (view.valid)
    return (
      <div className="uh-verify-result is-valid" role="status" data-testid="verify-result">
        <CheckCircleFilled className="uh-verify-icon" aria-hidden="true" />
        <div className="uh-verify-word">{t('cardVerify.valid')}</div>
        <div className="uh-verify-text">{t('cardVerify.validText')}</div>
        <dl className="uh-verify-facts">
          <div>
            <dt>{t('cardVerify.name')}</dt>
            <dd>{view.maskedName}</dd>
          </div>
          <div>
            <dt>{t('cardVerify.union')}</dt>
            <dd>{view.orgName}</dd>
          </div>
          <div>
            <dt>{t('cardVerify.cardNo')}</dt>
            <dd>{grouped(view.cardNo)}</dd>
          </div>
        </dl>
      </div>
    );
  return (
    <div className="uh-verify-result is-invalid" role="status" data-testid="verify-result">
      <CloseCircleFilled className="uh-verify-icon" aria-hidden="true" />
      <div className="uh-verify-word">
        {t('cardVerify.invalid')} · {t(`cardVerify.reasons.${view.reason}.title`)}
      </div>
      <div className="uh-verify-text">{t(`cardVerify.reasons.${view.reason}.text`)}</div>
    </div>
  );
}

/** 会员卡核验: a merchant's counter or a union desk checks a member card's QR code. */
export function CardVerifyPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const input = useRef<InputRef>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [text, setText] = useState('');
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [checks, setChecks] = useState<Check[]>([]);

  const verify = async (raw: string) => {
    const token = cleanScan(raw);
    if (!token || checking) return;
    setChecking(true);
    setError(null);
    try {
      const view = verificationView(await verifyCardToken(token));
      setChecks((list) => [{ at: new Date().toISOString(), view }, ...list].slice(0, 10));
      setText('');
    } catch (err) {
      setError(err);
    } finally {
      setChecking(false);
      // The scanner types into whatever has the focus: keep it on the box for the next customer.
      input.current?.focus();
    }
  };

  const camera = useQrCamera(video, (code) => void verify(code));
  const latest = checks[0];

  return (
    <div className="uh-page uh-verify">
      <Typography.Title level={4} className="uh-page-title">
        <SafetyCertificateOutlined /> {t('cardVerify.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('cardVerify.intro')}</Typography.Paragraph>
        <div className="uh-verify-input">
          <Input
            ref={input}
            size="large"
            autoFocus
            autoComplete="off"
            aria-label={t('cardVerify.inputLabel')}
            placeholder={t('cardVerify.inputPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void verify(text)}
          />
          <Button size="large" type="primary" loading={checking} onClick={() => void verify(text)}>
            {t('cardVerify.verify')}
          </Button>
          {camera.state === 'scanning' || camera.state === 'starting' ? (
            <Button size="large" onClick={camera.stop}>
              {t('cardVerify.scanStop')}
            </Button>
          ) : (
            <Tooltip title={camera.state === 'unsupported' ? t('cardVerify.scanUnsupported') : undefined}>
              <Button
                size="large"
                icon={<CameraOutlined />}
                disabled={camera.state === 'unsupported'}
                onClick={camera.start}
              >
                {t('cardVerify.scan')}
              </Button>
            </Tooltip>
          )}
        </div>
        {camera.state === 'denied' ? (
          <Typography.Paragraph type="danger" className="uh-verify-note">
            {t('cardVerify.scanDenied')}
          </Typography.Paragraph>
        ) : null}
        <div className="uh-verify-camera" hidden={camera.state !== 'scanning' && camera.state !== 'starting'}>
          <video ref={video} muted playsInline />
          <div className="uh-verify-note">{t('cardVerify.scanning')}</div>
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        {latest ? <ResultPanel key={latest.at} view={latest.view} /> : null}
      </Card>
      <Card title={t('cardVerify.recent')} size="small">
        <List
          size="small"
          locale={{ emptyText: t('cardVerify.recentEmpty') }}
          dataSource={checks}
          renderItem={(c) => (
            <List.Item>
              <Space wrap>
                <span>{formatDateTime(c.at, language)}</span>
                {c.view.valid ? (
                  <>
                    <Tag color="green">{t('cardVerify.valid')}</Tag>
                    <span>
                      {c.view.maskedName} · {c.view.orgName}
                    </span>
                  </>
                ) : (
                  <Tag color="red">
                    {t('cardVerify.invalid')} · {t(`cardVerify.reasons.${c.view.reason}.title`)}
                  </Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
