import type { CheckinResult } from '@unionhub/contracts';
import { Button, DotLoading, Input, NavBar, Result } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { useQrCamera } from '../../../lib/use-qr-camera';
import { checkIn, tokenFromScan } from '../api';

/**
 * 扫码签到: opened from the QR code's link (the token in `t`, checked in at once) or from the app,
 * where the camera reads the code on the screen or the link is pasted.
 */
export function CheckinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const video = useRef<HTMLVideoElement | null>(null);
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [pasted, setPasted] = useState('');
  const started = useRef(false);

  const submit = async (scanned: string) => {
    const token = tokenFromScan(scanned);
    if (!token) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await checkIn(token));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const camera = useQrCamera(video, (code) => void submit(code));

  useEffect(() => {
    const token = params.get('t');
    if (token && !started.current) {
      started.current = true;
      void submit(token);
    }
  });

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/lectures')}>{t('memberLectures.checkinTitle')}</NavBar>
      {busy && (
        <div className="uhm-center">
          <DotLoading /> {t('memberLectures.checking')}
        </div>
      )}
      {result ? (
        <>
          <Result
            status="success"
            title={result.alreadyCheckedIn ? t('memberLectures.already') : t('memberLectures.success')}
            description={
              <>
                <div>{t('memberLectures.welcome', { title: result.lecture.title })}</div>
                {result.walkIn && !result.alreadyCheckedIn && <div>{t('memberLectures.walkIn')}</div>}
              </>
            }
          />
          <div className="uhm-page-actions">
            <Button block shape="rounded" onClick={() => navigate(`/m/lectures/${result.lecture.id}`)}>
              {t('memberLectures.viewLecture')}
            </Button>
          </div>
        </>
      ) : (
        <section className="uhm-card">
          <p>{t('memberLectures.checkinHint')}</p>
          {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
          {camera.state === 'unsupported' ? (
            <p className="uhm-muted">{t('memberLectures.cameraUnsupported')}</p>
          ) : (
            <>
              <video
                ref={video}
                muted
                playsInline
                style={{ width: '100%', display: camera.state === 'scanning' ? 'block' : 'none' }}
              />
              {camera.state === 'denied' && (
                <p className="uhm-ff-error">{t('memberLectures.cameraDenied')}</p>
              )}
              <Button
                block
                color="primary"
                shape="rounded"
                onClick={camera.state === 'scanning' ? camera.stop : camera.start}
              >
                {camera.state === 'scanning'
                  ? t('memberLectures.stopCamera')
                  : t('memberLectures.startCamera')}
              </Button>
            </>
          )}
          <p style={{ marginTop: 16 }}>{t('memberLectures.pasteLabel')}</p>
          <Input
            aria-label={t('memberLectures.pasteLabel')}
            placeholder={t('memberLectures.pastePlaceholder')}
            value={pasted}
            onChange={setPasted}
            clearable
          />
          <Button
            block
            color="primary"
            fill="outline"
            shape="rounded"
            style={{ marginTop: 12 }}
            disabled={!pasted.trim() || busy}
            onClick={() => void submit(pasted)}
          >
            {t('memberLectures.submit')}
          </Button>
        </section>
      )}
    </div>
  );
}
