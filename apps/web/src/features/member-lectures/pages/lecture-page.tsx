import type { MemberLecture } from '@unionhub/contracts';
import { Button, Dialog, DotLoading, List, NavBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { describeError } from '../../../lib/errors';
import { cancelRegistration, getMyLecture, register } from '../api';
import { LectureTag, lectureWhen } from './lectures-page';

/** One lecture: when, where, who speaks; 报名, 取消报名, and 扫码签到 once there. */
export function LecturePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [lecture, setLecture] = useState<MemberLecture | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getMyLecture(id).then(setLecture, setError);
  }, [id]);

  const act = async (work: () => Promise<MemberLecture>, done: string) => {
    setBusy(true);
    try {
      setLecture(await work());
      Toast.show({ icon: 'success', content: done });
    } catch (err) {
      Toast.show({ content: describeError(err, t).message });
      getMyLecture(id).then(setLecture, () => undefined);
    } finally {
      setBusy(false);
    }
  };

  const registered = lecture?.registration?.status === 'registered';
  const started = lecture ? new Date(lecture.startsAt) <= new Date() : false;

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/lectures')}>{t('memberLectures.title')}</NavBar>
      {!lecture && !error && <DotLoading />}
      {error ? <p className="uhm-ff-error">{describeError(error, t).message}</p> : null}
      {lecture && (
        <>
          <section className="uhm-card">
            <h1 className="uhm-page-title">{lecture.title}</h1>
            <LectureTag lecture={lecture} />
            {lecture.cancelReason && (
              <p className="uhm-ff-error">
                {t('memberLectures.cancelledReason', { reason: lecture.cancelReason })}
              </p>
            )}
          </section>
          <List className="uhm-card-list">
            <List.Item extra={lectureWhen(lecture)}>{t('memberLectures.time')}</List.Item>
            {lecture.mode === 'onsite' ? (
              <List.Item description={lecture.address}>
                {t('memberLectures.place')}：{lecture.place}
              </List.Item>
            ) : (
              <List.Item
                description={lecture.onlineUrl ?? t('memberLectures.onlineAfterRegister')}
                onClick={lecture.onlineUrl ? () => window.open(lecture.onlineUrl!, '_blank') : undefined}
              >
                {t('memberLectures.onlineUrl')}
              </List.Item>
            )}
            <List.Item description={lecture.speakerTitle}>
              {t('memberLectures.speaker')}：{lecture.speakerName}
            </List.Item>
            <List.Item extra={lecture.orgName}>{t('memberLectures.org')}</List.Item>
            <List.Item
              extra={new Date(lecture.registrationDeadline).toLocaleString('zh-CN', { hour12: false })}
            >
              {t('memberLectures.deadline')}
            </List.Item>
          </List>
          <section className="uhm-card">
            <h2 className="uhm-card-title">{t('memberLectures.content')}</h2>
            <p className="uhm-prewrap">{lecture.topic}</p>
          </section>
          <div className="uhm-page-actions">
            {lecture.canRegister && (
              <Button
                block
                color="primary"
                size="large"
                shape="rounded"
                loading={busy}
                onClick={() => void act(() => register(id), t('memberLectures.registeredOk'))}
              >
                {t('memberLectures.register')}
              </Button>
            )}
            {!lecture.canRegister && !registered && lecture.status === 'published' && !started && (
              <Button block size="large" shape="rounded" disabled>
                {lecture.seatsLeft === 0 ? t('memberLectures.full') : t('memberLectures.closed')}
              </Button>
            )}
            {lecture.status === 'published' &&
              !lecture.registration?.attendedAt &&
              lecture.mode === 'onsite' && (
                <Button
                  block
                  color="primary"
                  fill="outline"
                  size="large"
                  shape="rounded"
                  style={{ marginTop: 12 }}
                  onClick={() => navigate('/m/lectures/checkin')}
                >
                  {t('memberLectures.scan')}
                </Button>
              )}
            {registered &&
              !lecture.registration?.attendedAt &&
              !started &&
              lecture.status === 'published' && (
                <Button
                  block
                  fill="none"
                  size="middle"
                  style={{ marginTop: 12 }}
                  loading={busy}
                  onClick={async () => {
                    if (await Dialog.confirm({ content: t('memberLectures.cancelConfirm') }))
                      await act(() => cancelRegistration(id), t('memberLectures.cancelledOk'));
                  }}
                >
                  {t('memberLectures.cancelRegistration')}
                </Button>
              )}
          </div>
        </>
      )}
    </div>
  );
}
